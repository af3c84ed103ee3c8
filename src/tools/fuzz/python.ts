/**
 * One Python process for the fuzz's oracles, asked one JSON line at a time (a process per input
 * would cost more than the input). `program`: compiles both files of a pod program and calls
 * `jobset_env.params()` in the environment of each pod given; `load`: reads a text with PyYAML's
 * `safe_load`, the platform's reader.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';

const HARNESS = String.raw`
import json, os, sys, types, traceback

def program(m):
    try:
        compile(m["main"], m["mainPath"], "exec")
        code = compile(m["env"], "jobset_env.py", "exec")
    except SyntaxError as e:
        return {"compileError": "%s: %s" % (type(e).__name__, e)}
    mod = types.ModuleType("jobset_env")
    exec(code, mod.__dict__)
    out = []
    for env in m["pods"]:
        saved = dict(os.environ)
        os.environ.update(env)
        try:
            out.append({"ok": mod.params()})
        except Exception as e:
            out.append({"error": "%s: %s" % (type(e).__name__, e)})
        finally:
            os.environ.clear()
            os.environ.update(saved)
    return {"params": out}

def plain(v):
    if isinstance(v, float) and v != v:
        return "nan"
    if isinstance(v, float) and v in (float("inf"), float("-inf")):
        return "inf" if v > 0 else "-inf"
    if isinstance(v, dict):
        # Keys as JSON writes them (true, 1.5), but a null key as "": the designer's key for it.
        return {("" if k is None else k if isinstance(k, str) else json.dumps(k)): plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v

def load(m):
    import yaml
    try:
        return {"data": plain(yaml.safe_load(m["text"]))}
    except yaml.YAMLError as e:
        return {"error": str(e).splitlines()[0]}

for line in sys.stdin:
    m = json.loads(line)
    try:
        r = program(m) if m["op"] == "program" else load(m)
    except Exception:
        r = {"crash": traceback.format_exc()}
    sys.stdout.write(json.dumps(r, default=str) + "\n")
    sys.stdout.flush()
`;

/** Data as the Python oracle sends it: JSON, with NaN and infinities as text. */
export function comparable(data: unknown): unknown {
  return JSON.parse(
    JSON.stringify(data, (_, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v)
        ? Number.isNaN(v)
          ? 'nan'
          : v > 0
            ? 'inf'
            : '-inf'
        : v,
    ) ?? 'null',
  );
}

export type ParamsAnswer =
  | { readonly compileError: string }
  | {
      readonly params: readonly (
        { readonly ok: Record<string, unknown> } | { readonly error: string }
      )[];
    }
  | { readonly crash: string };

export class PythonOracle {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: Interface;
  private readonly waiting: ((line: string) => void)[] = [];

  constructor() {
    this.child = spawn('python3', ['-c', HARNESS], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.lines = createInterface({ input: this.child.stdout });
    this.lines.on('line', (line) => this.waiting.shift()?.(line));
  }

  private ask(message: object): Promise<unknown> {
    return new Promise((resolve) => {
      this.waiting.push((line) => resolve(JSON.parse(line)));
      this.child.stdin.write(JSON.stringify(message) + '\n');
    });
  }

  params(
    env: string,
    main: string,
    mainPath: string,
    pods: readonly Record<string, string>[],
  ): Promise<ParamsAnswer> {
    return this.ask({ op: 'program', env, main, mainPath, pods }) as Promise<ParamsAnswer>;
  }

  load(text: string): Promise<{ readonly data: unknown } | { readonly error: string }> {
    return this.ask({ op: 'load', text }) as Promise<{ data: unknown } | { error: string }>;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.stdin.end();
      this.child.kill();
    });
  }
}

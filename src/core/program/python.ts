/**
 * The pod program: two Python files (3.8 or later, standard library only) that tell every pod of
 * a design what it is and what to do. `jobset_env.py` reads the six variables, the pod's sweep
 * point, its slice of the work, its peers' DNS names (JobSet's networking defaults) and waits for
 * the peers of a synchronous group, in the decentralized or the coordinator pattern, giving up
 * non-zero at a deadline rather than hold GPUs idle. The main file, named after the script the
 * manifest's command runs (`main.py` when it names none), calls one function per group.
 * The design's figures and sweeps are embedded as data; the code is the same for every design.
 */
import type { Expansion } from '../jobset/expand.ts';
import { byCodePoint } from '../jobset/names.ts';
import type { DesignSettings } from '../settings.ts';
import { axisValues, sweepProblems, type Sweep } from '../sweep/sweep.ts';
import { ENV_PY } from './envPy.ts';
import { pythonDocText } from '../safe.ts';
import { commandScript, folderOf, type CommandScript } from './script.ts';

export interface ProgramGroup {
  readonly name: string;
  readonly count: number;
  readonly completions: number;
  readonly parallelisms: number;
}

export interface ProgramInput {
  readonly designName: string | null;
  readonly groups: readonly ProgramGroup[];
  readonly synchronous: readonly string[];
  readonly sweeps: Readonly<Record<string, Sweep>>;
  /** The manifest's `spec.command`: the main file is the script it runs. */
  readonly command?: string | null;
  /** For `jobset-designer rehearse`: each group's function ends with the stand-in for its work. */
  readonly rehearsal?: boolean;
}

export interface ProgramFile {
  /** Relative path, `/`-separated: `jobset_env.py`, `train.py`, `src/train.py`. */
  readonly path: string;
  readonly text: string;
}

export interface PodProgram {
  /** `jobset_env.py` first, then the main file, beside it. */
  readonly files: readonly [ProgramFile, ProgramFile];
  /** The main file's path, and whether the manifest's command runs it. */
  readonly script: CommandScript;
}

/** The program's input from an analysed design: one definition for the view and the CLI. */
export function programInput(
  expansion: Expansion,
  settings: DesignSettings,
  designName: string | null,
  command: string | null,
): ProgramInput {
  return {
    designName: designName || null,
    groups: expansion.groups.map((g) => ({
      name: g.name,
      count: g.count ?? 1,
      completions: g.completions ?? 1,
      parallelisms: g.parallelisms ?? 1,
    })),
    synchronous: settings.synchronous ?? [],
    sweeps: settings.sweeps ?? {},
    command,
  };
}

export function podProgram(input: ProgramInput): PodProgram {
  const groups = [...input.groups].sort((a, b) => byCodePoint(a.name, b.name));
  const data = {
    // In the platform's global order (type names by code point): JOB_GLOBAL_INDEX follows it.
    groups: groups.map((g) => {
      // A sweep that cannot be used yet (an axis without values, a bad name) is left out.
      const own = Object.hasOwn(input.sweeps, g.name) ? input.sweeps[g.name]! : null;
      const sweep = own && sweepProblems(own).length === 0 ? own : null;
      return {
        name: g.name,
        count: g.count,
        completions: g.completions,
        parallelisms: g.parallelisms,
        synchronous: input.synchronous.includes(g.name),
        sweep: sweep && {
          index: sweep.index,
          axes: sweep.axes.map((a) => ({ name: a.name.trim(), values: axisValues(a.values) })),
        },
      };
    }),
  };
  const title = input.designName ? ` for the design "${pythonDocText(input.designName)}"` : '';
  const script = commandScript(input.command ?? null);
  // One pass over the template only: a design name holding `@DATA@` (or `$&`) stays text. A JSON
  // string literal is a Python string literal too.
  const fill: Record<'TITLE' | 'DATA', string> = {
    TITLE: title,
    DATA: JSON.stringify(JSON.stringify(data)),
  };
  const env = ENV_PY.replace(/@TITLE@|"@DATA@"/g, (m) =>
    m === '@TITLE@' ? fill.TITLE : fill.DATA,
  );
  return {
    files: [
      { path: `${folderOf(script.path)}jobset_env.py`, text: env },
      { path: script.path, text: mainPy(data.groups, title, input.rehearsal === true) },
    ],
    script,
  };
}

type DataGroup = {
  name: string;
  count: number;
  completions: number;
  synchronous: boolean;
  sweep: { index: string; axes: { name: string }[] } | null;
};

function mainPy(groups: readonly DataGroup[], title: string, rehearsal: boolean): string {
  const used = new Set<string>();
  const fn = (name: string) => {
    let id = `run_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
    while (used.has(id)) id += '_';
    used.add(id);
    return id;
  };
  const functions = groups.map((g) => ({ g, id: fn(g.name) }));
  const bodies = functions.map(({ g, id }) => {
    const lines = [
      `def ${id}():`,
      `    """Group ${JSON.stringify(g.name)}: what each of its pods does."""`,
      '    me = jobset_env.whoami()',
    ];
    if (g.synchronous) {
      lines.push(
        '    # A synchronous group: no pod starts work before all of them are up at once. The',
        '    # coordinator (its first pod) releases everyone; a pod still waiting at the deadline',
        '    # (jobset_env.DEADLINE_S, 600 s) exits with code 3 and names the peers it never heard from.',
        '    jobset_env.wait_for_peers("coordinator")',
        '    print(f"{me[\'pod\']}: all peers up, coordinator {jobset_env.coordinator()}")',
      );
    }
    if (g.sweep) {
      const names = g.sweep.axes.map((a) => a.name);
      lines.push(
        `    # This pod's point of the sweep, picked by ${g.sweep.index}: one value per axis.`,
        '    params = jobset_env.params()',
        `    # ${names.map((n) => `params[${JSON.stringify(n)}]`).join(', ')}`,
        `    print(f"{me['pod']}: running with {params}")`,
      );
    }
    if (g.completions > 1) {
      // A Job that is one trial of a sweep splits the trial's data; otherwise the whole group
      // shares one list of items.
      const perJob = g.sweep?.index === 'JOB_INDEX' && g.count > 1;
      lines.push(
        perJob
          ? "    # This pod's slice of its trial's items: the Job's pods split them (shard_in_job)."
          : "    # This pod's slice of the items: the group's pods split them, none twice (shard).",
        '    items = list(range(1000))  # your dataset, list of files, ...',
        `    mine = [items[i] for i in jobset_env.${perJob ? 'shard_in_job' : 'shard'}(len(items))]`,
        `    print(f"{me['pod']}: {len(mine)} of {len(items)} items")`,
      );
    }
    if (!g.synchronous && !g.sweep && g.completions <= 1) {
      lines.push("    print(f\"{me['pod']}: Job {me['job_index']} of group {me['group']}\")");
    }
    if (rehearsal) {
      lines.push(
        "    # The rehearsal's stand-in for the work: the group's pod duration, scaled.",
        '    jobset_env.rehearsal_work()',
      );
    }
    return lines.join('\n');
  });
  return `"""Generated by JobSet Designer${title}.

Every pod runs this file; it calls the function of its group (REPLICATED_JOB_NAME). Fill in the
functions: each shows the helpers of jobset_env.py that fit its group.
"""
import os
import sys

import jobset_env


${bodies.join('\n\n\n')}


GROUPS = {
${functions.map(({ g, id }) => `    ${JSON.stringify(g.name)}: ${id},`).join('\n')}
}


def main():
    name = os.environ.get("REPLICATED_JOB_NAME", "")${
      rehearsal
        ? `
    print("%s-%s-%s: up" % (name, os.environ.get("JOB_INDEX"), os.environ.get("JOB_COMPLETION_INDEX")), flush=True)`
        : ''
    }
    run = GROUPS.get(name)
    if run is None:
        sys.exit("REPLICATED_JOB_NAME is %r, not a group of this design (%s)" % (name, ", ".join(GROUPS)))
    run()


if __name__ == "__main__":
    main()
`;
}

/** Runs the CLI in-process with captured streams: for tests that call it hundreds of times. */
import { PassThrough, Readable } from 'node:stream';
import { main } from './main.ts';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(
  argv: readonly string[],
  stdin: string | Uint8Array = '',
  dir?: string,
): Promise<RunResult> {
  const collect = () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const out = collect();
  const err = collect();
  const code = await main(argv, {
    stdin: Readable.from([
      typeof stdin === 'string' ? Buffer.from(stdin, 'utf8') : Buffer.from(stdin),
    ]),
    stdout: out.stream,
    stderr: err.stream,
    ...(dir !== undefined && { dir }),
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

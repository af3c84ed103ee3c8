/**
 * How the command line writes: a line for a person on stderr with its user text escaped, and
 * stdout that waits for the reader and stops quietly once it has gone.
 */
import type { Writable } from 'node:stream';
import { terminalText } from '../core/safe.ts';

/**
 * One line on a terminal or a CI log (stderr): the user text in it (names, keys, messages)
 * escaped, so that it can neither start a line of its own nor send escape sequences.
 */
export function say(stream: Writable, line: string): void {
  stream.write(terminalText(line) + '\n');
}

/**
 * Writes that wait for `drain`, so output never piles up in memory, and that stop quietly once
 * the reader has gone (EPIPE from `| head`).
 */
export class Output {
  private gone = false;
  private readonly stream: Writable;

  constructor(stream: Writable) {
    this.stream = stream;
    stream.on('error', () => {
      this.gone = true;
      stream.destroy();
    });
  }

  write(text: string | Uint8Array): Promise<boolean> {
    if (this.gone) return Promise.resolve(false);
    return new Promise((resolve) => {
      if (this.stream.write(text)) return resolve(true);
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        resolve(!this.gone);
      };
      this.stream.on('drain', done);
      this.stream.on('close', done);
    });
  }
}

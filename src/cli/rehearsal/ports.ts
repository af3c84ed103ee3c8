/** The ports of a rehearsal's pods on the loopback address: one each, from a base up. */
import { createServer } from 'node:net';

/**
 * A base port with `n` free ports above it on 127.0.0.1, below Linux's range of ports for
 * outgoing connections (32768 and up), which a pod's own connections would otherwise take.
 */
export async function freePorts(n: number): Promise<number> {
  if (n > 11_000)
    throw new Error(`${n} pods need more ports than 20000-32000 holds: give a base with --port`);
  for (let attempt = 0; attempt < 40; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * (12_000 - n));
    let free = true;
    for (let i = 0; i < n && free; i++) free = await canListen(base + i);
    if (free) return base;
  }
  throw new Error(`found no ${n} free ports on 127.0.0.1 (give one with --port)`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((r) => {
    const server = createServer();
    server.once('error', () => r(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => r(true)));
  });
}

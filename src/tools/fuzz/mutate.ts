/**
 * Inputs for fuzzing the core: real manifests (and the shipped ones), mutated the ways files
 * get damaged or written oddly: bytes flipped, inserted or cut, other line ends and encodings,
 * deep nesting, huge numbers, odd keys, YAML 1.1 spellings, truncation. Seeded: a run can be
 * repeated exactly.
 */

/** A small fast seeded generator (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

export type Rng = ReturnType<typeof random>;

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: false });

const ODD_KEYS = [
  'on',
  'yes',
  'No',
  'null',
  '~',
  '""',
  "''",
  '? [a, b]',
  '<<: *nothing',
  'constructor',
  '__proto__',
  'toString',
  '"with\\nnewline"',
  '1',
  '010',
  '-',
  '&anchor a',
];
const ODD_VALUES = [
  '010',
  '0o10',
  '1_000',
  '1e3',
  '1:30',
  '0b101',
  '0x1F',
  '.inf',
  '-.nan',
  '9007199254740993',
  '123456789012345678901234567890',
  '-1',
  '2.5',
  'on',
  'null',
  '""',
  '[1, 2]',
  '{a: 1}',
  '*nothing',
  '!!binary aGVsbG8=',
  '!!timestamp 2001-12-14',
  "'quoted'",
  '"a\\nb"',
  '|\n  block',
  '>-\n  folded',
];

type Mutation = (text: string, rng: Rng) => string | Uint8Array;

const lines = (t: string) => t.split('\n');

const MUTATIONS: readonly Mutation[] = [
  // Bytes: flip, insert, delete, truncate.
  (t, r) => {
    const b = enc.encode(t);
    for (let i = 0, n = 1 + r.int(4); i < n && b.length; i++) b[r.int(b.length)] = r.int(256);
    return b;
  },
  (t, r) => {
    const at = r.int(t.length + 1);
    return t.slice(0, at) + String.fromCharCode(r.int(128)) + t.slice(at);
  },
  (t, r) => {
    const at = r.int(t.length + 1);
    return t.slice(0, at) + t.slice(at + 1 + r.int(40));
  },
  (t, r) => t.slice(0, r.int(t.length + 1)),
  // Line ends and encodings.
  (t) => t.replaceAll('\n', '\r\n'),
  (t) => t.replaceAll('\n', '\r'),
  (t) => utf16(t, true),
  (t) => utf16(t, false),
  (t) => new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(t)]),
  // Structure: lines duplicated, swapped, re-indented.
  (t, r) => {
    const l = lines(t);
    const i = r.int(l.length);
    l.splice(i, 0, l[i] ?? '');
    return l.join('\n');
  },
  (t, r) => {
    const l = lines(t);
    const i = r.int(l.length);
    const j = r.int(l.length);
    [l[i], l[j]] = [l[j]!, l[i]!];
    return l.join('\n');
  },
  (t, r) => {
    const l = lines(t);
    const i = r.int(l.length);
    l[i] = ' '.repeat(r.int(6)) + (l[i] ?? '').trimStart();
    return l.join('\n');
  },
  // Deep nesting.
  (t, r) => t + '\n' + 'x:\n'.padEnd(0) + '- '.repeat(10 + r.int(2000)) + 'a\n',
  (t, r) => t + '\ny: ' + '['.repeat(10 + r.int(200)) + ']'.repeat(r.int(200)) + '\n',
  // Values and keys the platform reads its own way.
  (t, r) => t.replace(/: (\d+)/, `: ${r.pick(ODD_VALUES)}`),
  (t, r) => {
    const l = lines(t);
    const i = r.int(l.length);
    l[i] = (l[i] ?? '').replace(/^(\s*)[\w-]+:/, `$1${r.pick(ODD_KEYS)}:`);
    return l.join('\n');
  },
  (t, r) => {
    const l = lines(t);
    const i = r.int(l.length);
    l[i] = (l[i] ?? '').replace(/: .*$/, `: ${r.pick(ODD_VALUES)}`);
    return l.join('\n');
  },
  // Characters the platform's Python reader takes otherwise: its line breaks (NEL, LS, PS),
  // characters it refuses (DEL, C1, noncharacters), a line break in a comment that starts YAML.
  (t, r) => {
    const at = r.int(t.length + 1);
    const ch = r.pick([
      '\u0085',
      '\u2028',
      '\u2029',
      '\u007f',
      '\u0090',
      '\uffff',
      '\u001b',
      '\u0000',
    ]);
    return t.slice(0, at) + ch + t.slice(at);
  },
  (t, r) =>
    t.replace(
      /(\n( *)[\w-]+: [^\n#]*)\n/,
      (_, line: string, indent: string) =>
        `${line} # note${r.pick(['\u2028', '\u0085', '\u2029'])}${indent}count: 1000\n`,
    ),
  // Long numeric scalars (each reader's conversion must stay linear).
  (t, r) => {
    const n = 1000 + r.int(1_900_000);
    const long = r.pick([
      () => '1:'.repeat(n / 2) + '1',
      () => '9'.repeat(n),
      () => `0x${'f'.repeat(n)}`,
      () => `0b${'1'.repeat(n)}`,
      () => `0${'7'.repeat(n)}`,
      () => `1${'_0'.repeat(n / 2)}`,
      () => `${'1'.repeat(n)}.5e3`,
    ])();
    return t.replace(/: (\d+)/, `: ${long}`);
  },
  // Aliases and merges.
  (t) => t.replace(/(\n {4}[\w-]+:)/, '$1 &g') + '\n    copy:\n      <<: *g\n      <<: *g\n',
];

/** A mutated input: one to three mutations of a source, as text or as bytes. */
export function mutate(source: string, rng: Rng): Uint8Array {
  let current: string | Uint8Array = source;
  for (let i = 0, n = 1 + rng.int(3); i < n; i++) {
    const text = typeof current === 'string' ? current : dec.decode(current);
    current = rng.pick(MUTATIONS)(text, rng);
  }
  return typeof current === 'string' ? enc.encode(current) : current;
}

function utf16(text: string, little: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = little ? 0xff : 0xfe;
  out[1] = little ? 0xfe : 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = little ? c & 0xff : c >> 8;
    out[3 + 2 * i] = little ? c >> 8 : c & 0xff;
  }
  return out;
}

// Permalinks: exact round trips (the whole real corpus), and refusal of bad links.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { corpusFiles, readFixture } from '../../fixtures/read.ts';
import { refOf } from '../record/record.ts';
import type { DesignSettings } from '../settings.ts';
import { sampleRecord } from '../../fixtures/rehearsal.ts';
import {
  decodeDesign,
  encodeDesign,
  fragmentOf,
  fromBase64Url,
  sanitizeSettings,
  toBase64Url,
} from './codec.ts';

const settings = {
  durations: { worker: 2.5 },
  capacity: { gpus: { 'NVIDIA-A100-SXM4-80GB': 4 }, cpus: 64 },
  synchronous: ['worker'],
  prices: { cpuHour: 0.1, gbHour: 0.01, gpuHour: { default: 2 } },
};

async function roundTrip(text: string) {
  const link = (await encodeDesign({ text, settings }))!;
  const back = await decodeDesign(`#${link}`);
  if (!back.ok) throw new Error(back.reason);
  return { link, design: back.design };
}

describe('permalinks', () => {
  it('round-trip the text byte for byte, comments, CRLF and unicode included, with the settings', async () => {
    const text = '# café ☕\r\nkind: AIchorManifest\r\n  \t\r\nspec: {}  # trailing\n';
    const { design } = await roundTrip(text);
    expect(design.text).toBe(text);
    expect(design.settings).toEqual(settings);
  });

  const files = corpusFiles();
  it.skipIf(files.length === 0)(
    `round-trip every real manifest exactly (${files.length} files)`,
    async () => {
      for (const f of files) {
        const text = readFileSync(f, 'utf8');
        const { design } = await roundTrip(text);
        expect(design.text, basename(f)).toBe(text);
      }
    },
  );

  it('reports the link length of each platform example', async () => {
    const lengths: Record<string, number> = {};
    for (const name of [
      'platform-main',
      'two-groups-parallel-pods',
      'heterogeneous-pools',
      'mixed-concurrency',
    ]) {
      const link = (await encodeDesign({ text: readFixture(name), settings: {} }))!;
      lengths[name] = link.length;
      expect(link.length).toBeLessThan(2000);
    }
    console.log('permalink lengths (characters):', lengths);
  });

  it.each([
    ['a newer version', 'v9.abc', 'made by a newer version of the designer (v9)'],
    ['an unknown version', 'v0.abc', 'a design link starts with v1. or v2.'],
    ['not a design link', 'hello', 'does not hold a design'],
    ['damaged characters', 'v1.abc$%', 'damaged'],
    ['a cut-short link', 'TRUNCATE', 'the link is cut short (its end is missing)'],
  ])('refuses %s with a message', async (_what, fragment, words) => {
    let f = fragment;
    if (f === 'TRUNCATE') {
      const link = (await encodeDesign({ text: readFixture('platform-main'), settings: {} }))!;
      f = link.slice(0, Math.floor(link.length / 2));
    }
    const r = await decodeDesign(f);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain(words);
      expect(r.reason).toContain('Your current design is unchanged');
    }
  });

  it('reopens the settings of a group named __proto__ as they were (found by the fuzz)', async () => {
    const settings = JSON.parse(
      '{"durations":{"__proto__":2},"synchronous":["__proto__"],"sweeps":{"__proto__":{"index":"JOB_INDEX","axes":[{"name":"lr","values":{"kind":"list","values":[1,2]}}]}}}',
    ) as DesignSettings;
    expect(Object.keys(settings.durations!)).toEqual(['__proto__']);
    const back = await decodeDesign((await encodeDesign({ text: 'x', settings }))!);
    expect(back.ok && back.design.settings).toEqual(settings);
    expect(back.ok && Object.getPrototypeOf(back.design.settings.durations)).toBe(Object.prototype);
  });

  it('refuses a compression bomb without inflating it', async () => {
    const bomb = deflateRawSync(Buffer.alloc(50_000_000, 32)); // 50 MB of spaces, ~50 KB packed
    const r = await decodeDesign(`v1.${toBase64Url(new Uint8Array(bomb))}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('compression bomb');
  });

  it('refuses a link whose content is not a design', async () => {
    const json = deflateRawSync(Buffer.from(JSON.stringify({ x: 1 })));
    const r = await decodeDesign(`v1.${toBase64Url(new Uint8Array(json))}`);
    expect(r.ok).toBe(false);
  });

  it('keeps only well-formed settings from a link', async () => {
    const json = deflateRawSync(
      Buffer.from(
        JSON.stringify({
          t: 'a',
          s: { durations: { w: -1, x: 2, y: 'z' }, capacity: { cpus: 'many' } },
        }),
      ),
    );
    const r = await decodeDesign(`v1.${toBase64Url(new Uint8Array(json))}`);
    expect(r.ok && r.design.settings).toEqual({ durations: { x: 2 }, capacity: {} });
  });
});

describe('link limits', () => {
  it('opens a link of the largest design the editor takes, even in 3-byte characters', async () => {
    const text = '\u6f22'.repeat(1_450_000);
    const link = await encodeDesign({ text, settings: {} });
    const back = await decodeDesign(link!);
    expect(back.ok && back.design.text === text).toBe(true);
  });

  it('drops a GPU capacity with no valid entry instead of reading it as none free', async () => {
    const json = deflateRawSync(
      Buffer.from(JSON.stringify({ t: 'a', s: { capacity: { gpus: { A: -1 } } } })),
    );
    const r = await decodeDesign(`v1.${toBase64Url(new Uint8Array(json))}`);
    expect(r.ok && r.design.settings).toEqual({ capacity: {} });
  });
});

describe('a rehearsal in a link', () => {
  it('is only a reference: never the pods or their logs; a saved design keeps the whole record', async () => {
    const record = sampleRecord();
    const rehearsal = { ref: refOf(record), record };
    const text = readFixture('platform-main');
    const link = (await encodeDesign({ text, settings: { rehearsal } }))!;
    const back = await decodeDesign(link);
    expect(back.ok).toBe(true);
    const got = (back as { design: { settings: DesignSettings } }).design.settings.rehearsal;
    expect(got).toEqual({ ref: refOf(record), record: null });
    // The payload itself holds no log line.
    const payload = inflateRawSync(fromBase64Url(link.split('.')[1]!)!).toString('utf8');
    expect(payload).not.toContain('never heard from');
    expect(payload).not.toContain('worker-3-0');
    // Local storage reads the same settings: the whole record, checked, comes back.
    expect(sanitizeSettings(JSON.parse(JSON.stringify({ rehearsal })))).toEqual({ rehearsal });
    // A malformed record is dropped, its reference kept.
    const bad = { rehearsal: { ref: refOf(record), record: { ...record, version: 9 } } };
    expect(sanitizeSettings(bad)).toEqual({ rehearsal: { ref: refOf(record), record: null } });
  });
});

describe('the link check (v2)', () => {
  it('refuses every one-character change of a link, or opens exactly the same design', async () => {
    const text = readFixture('platform-main');
    const link = (await encodeDesign({ text, settings }))!;
    expect(link).toMatch(/^v2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
    let refused = 0;
    for (let i = 3; i < link.length; i++) {
      for (const c of ['A', 'x', '_']) {
        if (link[i] === c || link[i] === '.') continue;
        const changed = link.slice(0, i) + c + link.slice(i + 1);
        const r = await decodeDesign(changed);
        if (r.ok) {
          // Only a change to bits no byte uses (base64's last character) can open: the same design.
          expect(r.design.text).toBe(text);
          expect(r.design.settings).toEqual(settings);
        } else {
          refused++;
          expect(r.reason).toMatch(/damaged/);
        }
      }
    }
    expect(refused).toBeGreaterThan(link.length * 2);
  });

  it('tells a cut link from a damaged one, wherever it is cut', async () => {
    const link = (await encodeDesign({ text: readFixture('two-groups'), settings: {} }))!;
    for (let n = 4; n < link.length; n++) {
      const r = await decodeDesign(link.slice(0, n));
      expect(r.ok, `cut at ${n}`).toBe(false);
      if (!r.ok) expect(r.cause, `cut at ${n}`).toMatch(/cut short/);
    }
  });

  it('still opens links made before the check (v1)', async () => {
    const text = readFixture('two-groups');
    const json = JSON.stringify({ t: text, s: settings });
    const v1 = `v1.${toBase64Url(new Uint8Array(deflateRawSync(Buffer.from(json))))}`;
    const r = await decodeDesign(v1);
    expect(r.ok && r.design.text).toBe(text);
  });
});

describe('fragmentOf', () => {
  it('finds the design in a pasted address or a bare fragment, and nothing in an address without one', async () => {
    const link = (await encodeDesign({ text: 'kind: x\n', settings: {} }))!;
    expect(link.startsWith('v2.')).toBe(true);
    for (const pasted of [
      `https://designer.example/#${link}`,
      `  http://127.0.0.1:4173/designer/#${link}\n`,
      `#${link}`,
      link,
      ` ${link} `,
    ]) {
      expect(fragmentOf(pasted), pasted).toBe(link);
      const r = await decodeDesign(fragmentOf(pasted));
      expect(r.ok && r.design.text).toBe('kind: x\n');
    }
    expect(fragmentOf('https://designer.example/')).toBe('');
  });
});

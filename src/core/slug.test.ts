import { describe, expect, it } from 'vitest';
import { slug } from './slug.ts';
import { fileStem } from '../ui/download.ts';
import { defaultJobSetName } from './k8s/jobsetName.ts';

describe('slug: one way to make a name fit a-z, 0-9 and -', () => {
  it('drops accents, folds every other run into one hyphen, trims the ends', () => {
    expect(slug('Sweep v2 (A100)')).toBe('sweep-v2-a100');
    expect(slug('  Café — déjà vu!  ')).toBe('cafe-deja-vu');
    expect(slug('2 GPUs')).toBe('2-gpus');
    expect(slug('2 GPUs', { letterFirst: true })).toBe('gpus');
    expect(slug('日本語')).toBe('');
  });

  it('is what file names and JobSet names are made with', () => {
    expect(fileStem('Café run #3')).toBe('cafe-run-3');
    expect(fileStem('***')).toBe('design');
    expect(defaultJobSetName('Café run #3', [])).toBe('cafe-run-3');
    expect(defaultJobSetName('3', [])).toBe('experiment');
  });
});

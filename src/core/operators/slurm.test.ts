// Slurm's own notations as `sbatch` reads them (SEMANTICS.md "Other operators", slurm): sizes,
// generic resources and time limits. Every expected value is worked out by hand from Slurm's rules.
import { describe, expect, it } from 'vitest';
import { slurmGpus, slurmSizeGB, slurmTimeHours } from './slurm.ts';

describe('slurmSizeGB', () => {
  it('reads G as GB', () => {
    expect(slurmSizeGB('1G')).toBe(1);
    expect(slurmSizeGB('16G')).toBe(16);
  });

  it('reads M as MB: 512M is half a GB', () => {
    expect(slurmSizeGB('512M')).toBe(0.5);
    expect(slurmSizeGB('2048M')).toBe(2);
  });

  it('reads T as 1024 GB', () => {
    expect(slurmSizeGB('2T')).toBe(2048);
  });

  it('reads K as KB', () => {
    expect(slurmSizeGB('1048576K')).toBe(1);
  });

  it('reads a bare number as MB, written as a number or as text', () => {
    expect(slurmSizeGB(1024)).toBe(1);
    expect(slurmSizeGB(512)).toBe(0.5);
    expect(slurmSizeGB('2048')).toBe(2);
  });

  it('is null for what is not a size', () => {
    expect(slurmSizeGB('lots')).toBeNull();
    expect(slurmSizeGB('')).toBeNull();
    expect(slurmSizeGB('1X')).toBeNull();
    expect(slurmSizeGB(0)).toBeNull();
    expect(slurmSizeGB(-1)).toBeNull();
    expect(slurmSizeGB(null)).toBeNull();
    expect(slurmSizeGB(undefined)).toBeNull();
    expect(slurmSizeGB({ G: 1 })).toBeNull();
  });
});

describe('slurmGpus', () => {
  it('gpu:N is N GPUs of no named product', () => {
    expect(slurmGpus('gpu:2')).toEqual({ count: 2, product: null });
  });

  it('gpu:TYPE:N is N GPUs of TYPE', () => {
    expect(slurmGpus('gpu:a100:2')).toEqual({ count: 2, product: 'a100' });
  });

  it('a bare gpu is one GPU', () => {
    expect(slurmGpus('gpu')).toEqual({ count: 1, product: null });
  });

  it('a gres that names no GPU is null', () => {
    expect(slurmGpus('craynetwork:1')).toBeNull();
  });

  it('finds the GPU among several generic resources', () => {
    expect(slurmGpus('craynetwork:1,gpu:a10g:4')).toEqual({ count: 4, product: 'a10g' });
  });

  it('is null for what is not text', () => {
    expect(slurmGpus(2)).toBeNull();
    expect(slurmGpus(undefined)).toBeNull();
  });
});

describe('slurmTimeHours', () => {
  it('reads a bare number as minutes: 90 is 1.5 h', () => {
    expect(slurmTimeHours(90)).toBe(1.5);
    expect(slurmTimeHours('90')).toBe(1.5);
  });

  it('reads HH:MM:SS: 01:30:00 is 1.5 h', () => {
    expect(slurmTimeHours('01:30:00')).toBe(1.5);
    expect(slurmTimeHours('01:00:00')).toBe(1);
  });

  it('reads D-HH: 2-12 is 60 h', () => {
    expect(slurmTimeHours('2-12')).toBe(60);
  });

  it('reads D-HH:MM: 1-00:30 is 24.5 h', () => {
    expect(slurmTimeHours('1-00:30')).toBe(24.5);
  });

  it('reads D-HH:MM:SS: 1-01:30:00 is 25.5 h', () => {
    expect(slurmTimeHours('1-01:30:00')).toBe(25.5);
  });

  it('reads MM:SS: 10:30 is 10.5 minutes, 0.175 h', () => {
    expect(slurmTimeHours('10:30')).toBeCloseTo(0.175, 12);
  });

  it('is null for what is not a time', () => {
    expect(slurmTimeHours('soon')).toBeNull();
    expect(slurmTimeHours('1:2:3:4')).toBeNull();
    expect(slurmTimeHours('')).toBeNull();
    expect(slurmTimeHours(null)).toBeNull();
  });
});

/**
 * Design settings: pod durations, prices, the cluster's free capacity and which groups run
 * synchronously. They belong to the design (saved with it) but never to the manifest text, and
 * every change of them is sent to the worker with the text.
 */
import type { StateCreator } from 'zustand';
import {
  EXAMPLE_PRICES,
  type Capacity,
  type DesignSettings,
  type Prices,
} from '../../core/settings.ts';
import type { DesignerState } from '../store.ts';

export interface SettingsSlice {
  readonly durations: Readonly<Record<string, number>>;
  readonly prices: Prices;
  readonly capacity: Capacity | null;
  readonly synchronous: readonly string[];
  /** Bumped on every settings change, so the worker is asked again. */
  readonly settingsVersion: number;
  setDuration(group: string, hours: number): void;
  setPrices(prices: Prices): void;
  setCapacity(capacity: Capacity | null): void;
  setSynchronous(group: string, on: boolean): void;
  /** Replaces all settings (a link, a restored draft). */
  applySettings(settings: DesignSettings): void;
}

export const createSettingsSlice: StateCreator<DesignerState, [], [], SettingsSlice> = (set) => ({
  durations: {},
  prices: EXAMPLE_PRICES,
  capacity: null,
  synchronous: [],
  settingsVersion: 0,
  setDuration: (group, hours) =>
    set((s) =>
      Number.isFinite(hours) && hours > 0 && s.durations[group] !== hours
        ? { durations: { ...s.durations, [group]: hours }, settingsVersion: s.settingsVersion + 1 }
        : s,
    ),
  setPrices: (prices) => set((s) => ({ prices, settingsVersion: s.settingsVersion + 1 })),
  setCapacity: (capacity) => set((s) => ({ capacity, settingsVersion: s.settingsVersion + 1 })),
  applySettings: (settings) =>
    set((s) => ({
      durations: settings.durations ?? {},
      prices: settings.prices ?? EXAMPLE_PRICES,
      capacity: settings.capacity ?? null,
      synchronous: settings.synchronous ?? [],
      settingsVersion: s.settingsVersion + 1,
    })),
  setSynchronous: (group, on) =>
    set((s) => ({
      synchronous: on
        ? [...new Set([...s.synchronous, group])]
        : s.synchronous.filter((g) => g !== group),
      settingsVersion: s.settingsVersion + 1,
    })),
});

/** The settings as the core takes them. */
export function designSettings(s: SettingsSlice): DesignSettings {
  return {
    durations: s.durations,
    prices: s.prices,
    capacity: s.capacity,
    synchronous: s.synchronous,
  };
}

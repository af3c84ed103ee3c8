/**
 * How the YAML library reads a manifest, one set of options for every reading (the whole text,
 * or one group's lines read again).
 */
export const YAML_OPTIONS = {
  prettyErrors: false,
  // The library's warnings (e.g. "keys with collection values will be stringified") are
  // diagnostics of ours instead; none reaches the console.
  logLevel: 'error',
  // Merge keys (`<<: *base`) as the platform's Python loader resolves them.
  merge: true,
  // Duplicate keys are found by `walk` in parse.ts in linear time; the library's own check
  // compares every key with every other (seconds for a map of 20,000 groups).
  uniqueKeys: false,
} as const;

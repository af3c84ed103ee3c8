/** What the core reads at most: refused before parsing (the page needs them without the parser). */
export const LIMITS = {
  /** Characters of text. Real manifests are under 3 KB; 2 MB parses in about 2 s. */
  maxChars: 2_000_000,
  /** Nesting of maps and sequences. Real manifests nest 6 deep. */
  maxDepth: 64,
  /** Columns of leading indentation on any line, checked before the YAML library sees it. */
  maxIndent: 1_000,
  /**
   * Alias expansion budget when building data (the library's measure, which grows with nested
   * aliases): a thousand plain `*ref`s pass, an exponential "billion laughs" does not.
   */
  maxAliasCount: 1_000,
} as const;

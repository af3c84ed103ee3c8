/**
 * A value from the manifest inside a message: quoted and escaped, so that a message is one line
 * whatever the value holds (`"a\nb"`, never a line break).
 */
export function q(value: unknown): string {
  return JSON.stringify(typeof value === 'symbol' ? (value.description ?? '') : String(value));
}

/** A key inside backticks, escaped the same way: `count`, `"my key\n"`. */
export function k(key: unknown): string {
  const s = typeof key === 'symbol' ? (key.description ?? '') : String(key);
  return /^[\w.<>-]+$/.test(s) ? `\`${s}\`` : `\`${JSON.stringify(s)}\``;
}

/** A word for a POSIX shell: as it is when the shell reads it back the same, else single-quoted. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

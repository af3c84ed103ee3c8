/**
 * A slug of a name for places that take only `a-z`, `0-9` and `-` (file names, Kubernetes
 * names): accents dropped ("Café" -> "cafe"), every other run of characters one `-`, none at
 * the ends; with `letterFirst`, anything before the first letter dropped too (DNS-1035).
 * Empty when nothing is left: the caller names its fallback.
 */
export function slug(name: string, { letterFirst = false } = {}): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(letterFirst ? /^[^a-z]+/ : /^-+/, '')
    .replace(/-+$/, '');
}

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

/**
 * What a design is called where people read it (the page's title, a picture's title): the
 * manifest's own `name`, else `fallback` (the file or template it came from).
 */
export function designTitle(name: unknown, fallback: string): string {
  return typeof name === 'string' && name.trim() ? name : fallback;
}

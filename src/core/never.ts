/**
 * The end of an exhaustive switch: a case left out is a type error where `x` is passed, and a
 * value no type allows (a message from an older worker) fails loudly at run time.
 */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}

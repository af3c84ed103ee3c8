/**
 * d3-scale-chromatic is one module whose colour schemes are built by top-level calls
 * (`var viridis = ramp(colors("…"))`), which a bundler must keep unless told they are pure: its
 * calls are marked pure here, in that module only, so the schemes the palette does not use (all
 * but two) leave the first load. (Marking `ramp` and `colors` pure everywhere dropped a call of
 * Monaco's own and with it a theme colour.)
 */
import type { Plugin } from 'vite';

export function pureSchemes(): Plugin {
  return {
    name: 'pure-schemes',
    transform(code, id) {
      if (!/[\\/]d3-scale-chromatic[\\/]/.test(id)) return null;
      return {
        code: code.replace(/(?<!function )\b(ramp|colors)\(/g, '/*#__PURE__*/ $1('),
        map: null,
      };
    },
  };
}

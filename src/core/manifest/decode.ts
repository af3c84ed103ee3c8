/**
 * From the bytes of a file to the text of a manifest: UTF-8 (with or without a byte order mark)
 * or UTF-16 with one, little- or big-endian (what Windows PowerShell's `>` writes). Anything else
 * is refused with a reason that names the problem. Pure: the command line, file import and
 * dropped files all read through here.
 */
export type Decoded =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

export function decodeManifest(bytes: Uint8Array): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    return { ok: false, reason: 'it is UTF-32 text; save it as UTF-8' };
  }
  if (b0 === 0xff && b1 === 0xfe) return utf16(bytes, true);
  if (b0 === 0xfe && b1 === 0xff) return utf16(bytes, false);
  const start = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const nul = bytes.indexOf(0, start);
  if (nul >= 0) {
    // Every other byte zero: UTF-16 that lost its byte order mark.
    let zeros = 0;
    for (let i = 0; i < Math.min(bytes.length, 200); i++) if (bytes[i] === 0) zeros++;
    return {
      ok: false,
      reason:
        zeros > Math.min(bytes.length, 200) / 3
          ? 'it looks like UTF-16 text without a byte order mark; save it as UTF-8'
          : 'it is a binary file, not a text manifest',
    };
  }
  return utf8(bytes, start);
}

function utf16(bytes: Uint8Array, little: boolean): Decoded {
  if (bytes.length % 2) {
    return { ok: false, reason: 'it is UTF-16 text with an odd number of bytes: it is cut short' };
  }
  const units = new Array<number>();
  let out = '';
  for (let i = 2; i < bytes.length; i += 2) {
    units.push(little ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
    if (units.length === 8192) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return { ok: true, text: out + String.fromCharCode(...units) };
}

function utf8(bytes: Uint8Array, start: number): Decoded {
  let out = '';
  const units: number[] = [];
  const flush = () => {
    out += String.fromCharCode(...units);
    units.length = 0;
  };
  // Named by the byte that starts the bad sequence (Latin-1's é is one byte, 0xe9, whatever
  // follows it), with its line and column, as an editor counts them.
  const bad = (at: number): Decoded => {
    let line = 1;
    let lineStart = start;
    for (let k = start; k < at; k++) {
      if (bytes[k] === 0x0a) {
        line++;
        lineStart = k + 1;
      }
    }
    const hex = bytes[at]!.toString(16).padStart(2, '0');
    return {
      ok: false,
      reason: `it is not UTF-8 text (byte 0x${hex} at line ${line}, column ${at - lineStart + 1}, position ${at}, starts no valid UTF-8 character; Latin-1 and Windows-1252 files do this); save it as UTF-8`,
    };
  };
  for (let i = start; i < bytes.length;) {
    const b = bytes[i]!;
    let cp: number;
    let n: number;
    if (b < 0x80) [cp, n] = [b, 1];
    else if (b >= 0xc2 && b <= 0xdf) [cp, n] = [b & 0x1f, 2];
    else if (b >= 0xe0 && b <= 0xef) [cp, n] = [b & 0x0f, 3];
    else if (b >= 0xf0 && b <= 0xf4) [cp, n] = [b & 0x07, 4];
    else return bad(i);
    if (i + n > bytes.length) return bad(i);
    for (let j = 1; j < n; j++) {
      const c = bytes[i + j]!;
      if ((c & 0xc0) !== 0x80) return bad(i);
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if (
      (n === 3 && cp < 0x800) ||
      (n === 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
      (cp >= 0xd800 && cp <= 0xdfff)
    ) {
      return bad(i);
    }
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      units.push(0xd800 | (v >> 10), 0xdc00 | (v & 0x3ff));
    } else units.push(cp);
    if (units.length >= 8192) flush();
    i += n;
  }
  flush();
  return { ok: true, text: out };
}

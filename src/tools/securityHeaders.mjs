// The headers the designer is served with (`npm start`, `vite preview`, and the README's
// hosting section for any static server): a Content-Security-Policy that lets nothing but the
// designer's own files run or load, and COOP, so that a page that opened the designer holds no
// handle on it (it cannot change its address to replace the design).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
};

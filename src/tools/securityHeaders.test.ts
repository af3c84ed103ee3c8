// One policy, said in one place: the README's hosting section gives exactly the headers the
// preview server sends.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures/read.ts';
import { SECURITY_HEADERS } from './securityHeaders.mjs';

it('the README gives the headers npm start sends', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  expect(Object.keys(SECURITY_HEADERS)).toEqual([
    'Content-Security-Policy',
    'Cross-Origin-Opener-Policy',
  ]);
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(readme).toContain(`\n${name}: ${value}\n`);
});

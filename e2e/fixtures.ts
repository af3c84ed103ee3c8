/**
 * Every e2e test runs under these guards: it fails on any request to a host other than the
 * app's own, on any uncaught page error and on any console error.
 */
import { test as base, expect, type Page } from '@playwright/test';

export const test = base.extend<{ guards: void; allowedErrors: RegExp[] }>({
  /** Console errors a test provokes on purpose (e.g. a blocked script), matched by pattern. */
  allowedErrors: [[], { option: true }],
  guards: [
    async ({ page, baseURL, allowedErrors }, use) => {
      const own = new URL(baseURL!).host;
      const foreign: string[] = [];
      const errors: string[] = [];
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.host !== own) foreign.push(req.url());
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        const text = msg.text();
        if (msg.type() === 'error' && !allowedErrors.some((re) => re.test(text))) {
          errors.push(`console: ${text}`);
        }
      });
      await use();
      expect(foreign, 'requests to other hosts').toEqual([]);
      expect(errors, 'page and console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The value cell of a row of the Resources table. */
export function resource(page: Page, label: string) {
  return page
    .getByRole('table', { name: 'Resources' })
    .getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}(\\s|$)`) })
    .getByRole('cell');
}

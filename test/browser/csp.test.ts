/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { seedLibrary } from '../../server/seed.ts';
import { SAMPLE_DIR } from '../helpers.ts';
import { available, serveForTests } from './chromium.ts';

/** Every page under the Content-Security-Policy in real Chromium: none may break it. */

let firstId: string;
const served = serveForTests(async (library) => {
  await seedLibrary(library, SAMPLE_DIR, { on: '2026-11-23' });
  firstId = library.list({}, { page: 1, pageSize: 1 }).items[0]!.id;
  return createApp({
    library,
    apiToken: 'csp-test-token-0123456789abcdef0123',
    today: () => '2026-11-23',
  });
});

describe.skipIf(!available)('pages under the Content-Security-Policy', () => {
  const pages = () => [
    '/',
    '/search?q=ngh%E1%BB%89+ph%C3%A9p',
    `/agreements/${firstId}`,
    `/agreements/${firstId}/compare`,
    `/agreements/${firstId}/grade`,
    '/benchmarks?topic=annual-leave',
    '/below-floor',
    '/check',
    '/expiry',
    '/grades',
    '/import',
  ];

  it('loads every page, its stylesheet and its script with no CSP violation', async () => {
    const page = await served.browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
        violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    for (const path of pages()) {
      const res = await page.goto(`${served.base}${path}`);
      expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
      // The stylesheet applied (the page is styled), so 'self' styles are allowed.
      await page.waitForLoadState('load');
    }
    expect(violations).toEqual([]);
    // The listener does see a violation: an inline script added to the page is refused and reported.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.body.append(script);
    });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
    expect(violations.length).toBeGreaterThan(0);
    await page.close();
  }, 60_000);
});

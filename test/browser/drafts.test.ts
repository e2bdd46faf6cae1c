/// <reference lib="dom" />
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { seedLibrary } from '../../server/seed.ts';
import { SAMPLE_DIR } from '../helpers.ts';
import { available, serveForTests } from './chromium.ts';

/**
 * The drafting workbench on a 360 × 740 phone in real Chromium: open a model, fill a blank from a
 * suggestion, save, see the check again, download Word. The screenshot of the README is made here
 * (`DOCS_SCREENSHOT=1` writes docs/drafting-workbench.png).
 */

const served = serveForTests(async (library) => {
  await seedLibrary(library, SAMPLE_DIR, { on: '2026-12-01' });
  return createApp({ library, today: () => '2026-12-01' });
});

describe.skipIf(!available)('the drafting workbench on a phone', () => {
  it('opens a model, fills a blank from a suggestion, saves, re-checks and downloads Word', async () => {
    const context = await served.browser.newContext({
      viewport: { width: 360, height: 740 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${served.base}/drafts`);
    await page.selectOption('#draft-model', 'mau-det-may');
    await page.fill('#draft-industry', 'dệt may');
    await page.fill('#draft-by', 'Chủ tịch CĐCS');
    await Promise.all([page.waitForURL(/\/drafts\/dt-/), page.click('button[type=submit]')]);
    expect(await page.locator('.secret-link').textContent()).toContain('/drafts/');
    expect(await page.locator('.check-summary').textContent()).toContain('13 chỗ trống');
    // The page fits the phone: nothing scrolls sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const meal = page.locator('#c-dieu-5');
    if (process.env.DOCS_SCREENSHOT) {
      await meal.scrollIntoViewIfNeeded();
      await page.evaluate(() => document.querySelector('#c-dieu-5')?.scrollIntoView());
      await page.screenshot({ path: join(import.meta.dirname, '../../docs/drafting-workbench.png') });
    }
    await meal.locator('form.copy button').first().click();
    await page.waitForURL(/#c-dieu-5$/);
    expect(await page.locator('.check-summary').textContent()).toContain('12 chỗ trống');
    expect(await page.locator('#c-dieu-5 textarea').inputValue()).toMatch(
      /^Tiền ăn giữa ca: [\d.]+ đồng\/người\/ca/,
    );
    expect(await page.locator('.draft-history li').first().textContent()).toContain('Bản 2');
    if (process.env.DOCS_SCREENSHOT)
      await page.screenshot({
        path: join(import.meta.dirname, '../../docs/drafting-workbench.png'),
        fullPage: false,
      });

    // A second tab still on version 2, for the stale save below.
    const other = await context.newPage();
    await other.goto(page.url().replace(/#.*$/, ''));

    // Type a clause by hand and save it: the check sees it at once (10 days is below the law's 12).
    const leave = 'Người lao động làm đủ 12 tháng được nghỉ hằng năm 10 ngày làm việc, hưởng nguyên lương.';
    await page.fill('#c-dieu-3-khoan-1 textarea', leave);
    await Promise.all([
      page.waitForURL(/#c-dieu-3-khoan-1$/),
      page.click('#c-dieu-3-khoan-1 form.stack button[type=submit]'),
    ]);
    expect(await page.locator('.check-summary').textContent()).toContain('11 chỗ trống');
    expect(await page.locator('.check-summary').textContent()).toContain('1 điều khoản thấp hơn luật');
    expect(await page.locator('.draft-history li').first().textContent()).toContain('Bản 3');

    // The other tab saves on version 2: refused (409), its words kept in the box, beside the reason.
    const typed = 'Phụ cấp đi lại: 500.000 đồng/tháng.';
    await other.fill('#c-dieu-4-khoan-2 textarea', typed);
    const [refused] = await Promise.all([
      other.waitForResponse((r) => r.request().method() === 'POST'),
      other.click('#c-dieu-4-khoan-2 form.stack button[type=submit]'),
    ]);
    expect(refused.status()).toBe(409);
    await other.waitForLoadState();
    expect(await other.locator('#c-dieu-4-khoan-2 .alert').textContent()).toContain(
      'người có liên kết đã lưu lúc',
    );
    expect(await other.locator('#c-dieu-4-khoan-2 textarea').inputValue()).toBe(typed);
    const sideways = await other.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways).toBeLessThanOrEqual(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`a[href*="/review.docx"]`),
    ]);
    const path = await download.path();
    const zip = await JSZip.loadAsync(await import('node:fs').then((fs) => fs.readFileSync(path)));
    const comments = (await zip.file('word/comments.xml')?.async('string')) ?? '';
    expect(comments).toContain('Thư viện Thỏa ước');
    const documentXml = await zip.file('word/document.xml')!.async('string');
    expect(documentXml.includes('<w:ins ')).toBe(true);
    // The Word file is the draft as saved: the copied suggestion and the typed clause, the latter commented.
    expect(documentXml).toMatch(/Tiền ăn giữa ca: [\d.]+ đồng\/người\/ca/);
    expect(comments).toContain('Thấp hơn luật');
    await context.close();
  }, 120_000);
});

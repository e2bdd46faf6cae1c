/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { addSamples } from '../helpers.ts';
import { available, serveForTests } from './chromium.ts';

/**
 * An officer corrects an agreement's details on a 360 × 740 phone in real Chromium: a province the map
 * does not know is refused beside its field with what was typed kept; corrected, the agreement page, the
 * expiry dashboard and the search list follow (the expiry derived again from the term set by hand).
 */

const TOKEN = 'browser-token';
// Hà Nội, effective 01/01/2023 for 36 months as written: expired on 31/12/2025 before the edit.
const ID = 'xay-dung-song-hong-2022';

const served = serveForTests((library) => {
  addSamples(library, ['xay-dung-song-hong-2022.md', 'nhua-thuan-an-2024.md']);
  return createApp({ library, apiToken: TOKEN, today: () => '2026-11-23' });
});

describe.skipIf(!available)('correcting metadata on a phone', () => {
  it('refuses an unknown province beside the field, then saves; the page, dashboard and list follow', async () => {
    const page = await served.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${served.base}/agreements/${ID}`);
    await page.locator('summary', { hasText: 'Sửa thông tin' }).click();
    await page.fill('#meta-province', 'Binh Duongg');
    await page.fill('#meta-termMonths', '48');
    await page.fill('#meta-by', 'Lan');
    await page.fill('#meta-token', TOKEN);
    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Lưu thông tin")')]);

    const error = page.locator('#meta-province-error');
    expect(await error.isVisible()).toBe(true);
    expect(await error.textContent()).toContain('có phải Bình Dương');
    expect(await error.textContent()).toContain('did you mean Bình Dương');
    expect(await page.inputValue('#meta-province')).toBe('Binh Duongg');
    expect(await page.inputValue('#meta-termMonths')).toBe('48');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('meta-province');
    // The page fits the phone: nothing scrolls sideways.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);

    await page.fill('#meta-province', 'Bình Dương');
    await page.fill('#meta-token', TOKEN);
    await Promise.all([page.waitForURL(/#meta-title$/), page.click('button:has-text("Lưu thông tin")')]);
    const details = (await page.locator('.meta-provenance').textContent()) ?? '';
    expect(details).toContain('Bình Dương — nay thuộc TP. Hồ Chí Minh');
    expect(details).toContain('2026-12-31');
    expect(details).toContain('thời hạn (tháng) (sửa tay)');

    await page.goto(`${served.base}/expiry?province=HCM`);
    const row = page.locator('tr', { has: page.locator(`a[href="/agreements/${ID}"]`) });
    expect(await row.textContent()).toContain('31/12/2026');
    expect(await row.textContent()).toContain('Bình Dương — nay thuộc TP. Hồ Chí Minh');

    await page.goto(`${served.base}/?q=${encodeURIComponent('Sông Hồng')}&province=HCM`);
    expect(await page.locator(`.hit a[href^="/agreements/${ID}#"]`).count()).toBeGreaterThan(0);
    expect(await page.locator('.hit .meta').first().textContent()).toContain('nay thuộc TP. Hồ Chí Minh');
    await page.close();
  });
});

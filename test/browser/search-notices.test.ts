/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { INCLUDE_EXPIRED_PARAM } from '../../ui/index.ts';
import { addSamples } from '../helpers.ts';
import { available, serveForTests } from './chromium.ts';

/**
 * The search page's notices in Chromium: a near-match search, a topic the
 * query names, a typo, years and statuses, the include-expired switch, served
 * by the real app (current agreements, versions folded, unless the switch is on).
 */

const served = serveForTests((library) => {
  addSamples(library);
  return createApp({ library, today: () => '2026-11-23' });
});

async function searchFor(q: string) {
  const page = await served.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${served.base}/`);
  await page.getByLabel('Tìm điều khoản').fill(q);
  await page.getByRole('button', { name: 'Tìm' }).click();
  await page.waitForURL(/q=/);
  return page;
}

describe.skipIf(!available)('what the search page says it understood, in Chromium', () => {
  it('says the hits are near matches when no clause holds every word', async () => {
    const page = await searchFor('người lao động được nghỉ hằng năm xyzzy hưởng nguyên lương');
    await expect
      .poll(() => page.getByRole('status').innerText())
      .toBe('Không có điều khoản chứa đủ các từ; đây là kết quả gần đúng.');
    expect(await page.locator('.hit').count()).toBeGreaterThan(0);
    expect(await page.locator('.hit .badge.match-near').count()).toBe(await page.locator('.hit').count());
    await page.close();
  });

  it('offers the topic a query names, and the link filters by it', async () => {
    const page = await searchFor('tien an');
    const suggestion = page.locator('.topic-suggestion');
    expect(await suggestion.innerText()).toBe('Xem chủ đề: Bữa ăn giữa ca');
    await suggestion.getByRole('link', { name: 'Bữa ăn giữa ca' }).click();
    await page.waitForURL(/topic=meal/);
    expect(await page.locator('.topic-suggestion').count()).toBe(0);
    expect(await page.locator('.facets a[aria-current="true"]').innerText()).toContain('Bữa ăn giữa ca');
    await page.close();
  });

  it('asks "Có phải bạn muốn tìm …?" for one typo, and the link searches the corrected words', async () => {
    const page = await searchFor('tro cap thoi vjec');
    const link = page.locator('.did-you-mean a');
    expect(await link.innerText()).toBe('tro cap thoi viec');
    await link.click();
    await page.waitForURL(/q=tro\+cap\+thoi\+viec/);
    expect(await page.locator('.hit').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('shows year and status on each hit, leaves expired agreements out until the switch includes them', async () => {
    const page = await searchFor('bữa ăn giữa ca');
    const metas = await page.locator('.hit .meta').allInnerTexts();
    expect(metas.some((m) => /Năm 2024/.test(m) && /Sắp hết hạn|Trong 90 ngày|hết hạn/i.test(m))).toBe(true);
    expect(metas.some((m) => m.includes('Đã hết hạn'))).toBe(false);
    await page.getByLabel('Gồm cả thỏa ước đã hết hạn, đã được thay thế').check();
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(new RegExp(`${INCLUDE_EXPIRED_PARAM}=1`));
    const withExpired = await page.locator('.hit .meta').allInnerTexts();
    expect(withExpired.some((m) => m.includes('Đã hết hạn'))).toBe(true);
    expect(await page.locator('.hit .versions').first().innerText()).toMatch(/Các phiên bản khác: 2021/);
    await page.close();
  });
});

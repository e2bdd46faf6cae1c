/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../importer/index.ts';
import { createApp } from '../../server/app.ts';
import { seedLibrary } from '../../server/seed.ts';
import { SAMPLE_DIR, tempLibrary } from '../helpers.ts';
import { available, serveAndLaunch } from './chromium.ts';

/**
 * The web interface in real Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core) against a real listening server with a temporary library.
 * Screenshots of every page at desktop and phone width go to test/screenshots/.
 */

const TOKEN = 'browser-test-token-0123';
const SHOTS = join(import.meta.dirname, '..', 'screenshots');
const HOSTILE = `Điều 1. Thử <script>window.__pwned = 1</script>
Người lao động được nghỉ hằng năm 14 ngày <img src=x onerror="window.__pwned = 2">.
`;

let browser: Browser;
let base: string;
let close: () => void;

beforeAll(async () => {
  if (!available) return;
  const { library, cleanup } = tempLibrary();
  await seedLibrary(library, SAMPLE_DIR, { on: '2026-11-23' });
  const bytes = new TextEncoder().encode(HOSTILE);
  library.add(importDocument(bytes, { filename: 'hostile.txt' }), bytes);
  const app = createApp({ library, apiToken: TOKEN, today: () => '2026-11-23' });
  const started = await serveAndLaunch(app);
  ({ browser, base } = started);
  mkdirSync(SHOTS, { recursive: true });
  close = () => {
    started.stop();
    cleanup();
  };
}, 60_000);

afterAll(async () => {
  if (!available) return;
  await browser.close();
  close();
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${base}${path}`);
  return page;
}

/** Screenshots at desktop and phone width; the phone page must not scroll sideways. */
async function screenshots(path: string, name: string) {
  for (const [width, label] of [
    [1280, 'desktop'],
    [360, 'phone'],
  ] as const) {
    const page = await open(path, width);
    await page.screenshot({ path: join(SHOTS, `${name}-${label}.png`), fullPage: true });
    if (width === 360) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} scrolls sideways on a phone`).toBeLessThanOrEqual(1);
    }
    await page.close();
  }
}

describe.skipIf(!available)('the web interface in Chromium', () => {
  it('searches without diacritics, highlights the words, and narrows by a facet', async () => {
    const page = await open('/');
    await page.getByLabel('Tìm điều khoản').fill('bua an giua ca');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(/q=bua/);
    const heading = await page.locator('#results-title').innerText();
    const total = Number(heading.match(/^(\d+)/)?.[1]);
    expect(total).toBeGreaterThan(3);
    expect((await page.locator('.hit mark').allInnerTexts()).map((w) => w.toLowerCase())).toContain('bữa');
    await page.locator('.facets a', { hasText: 'Dệt may' }).click();
    await page.waitForURL(/industry=det-may/);
    const narrowed = Number((await page.locator('#results-title').innerText()).match(/^(\d+)/)?.[1]);
    expect(narrowed).toBeLessThan(total);
    expect(await page.locator('.facets a[aria-current="true"]').innerText()).toContain('Dệt may');
    await page.close();
    await screenshots('/?q=bua+an+giua+ca', 'search');
  });

  it('ranks wage clauses first for "lương" typed with diacritics', async () => {
    const page = await open('/?q=l%C6%B0%C6%A1ng');
    expect(await page.locator('.hit .snippet mark').first().innerText()).toBe('lương');
    await page.close();
  });

  it('shows an agreement with verdict badges in words and a table of contents', async () => {
    const page = await open('/agreements/det-may-phu-hung-2024');
    expect(await page.locator('.badge.verdict-below').first().innerText()).toContain('Thấp hơn luật');
    expect(await page.locator('.badge.verdict-above').count()).toBeGreaterThan(3);
    await page.locator('.toc a', { hasText: 'Điều 9' }).click();
    expect(page.url()).toContain('#dieu-9');
    await page.close();
    await screenshots('/agreements/det-may-phu-hung-2024', 'agreement');
  });

  it('compares with the law side by side, filters by verdict and re-runs for another date', async () => {
    const page = await open('/agreements/det-may-phu-hung-2024/compare');
    expect(await page.locator('table.side-by-side tbody tr').count()).toBe(34);
    await page.getByLabel('Tình trạng').selectOption('below');
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await page.waitForURL(/verdict=below/);
    expect(await page.locator('table.side-by-side tbody tr').count()).toBe(2);
    expect(await page.locator('table.side-by-side').innerText()).toContain(
      'Điều 98 khoản 1 điểm b BLLĐ 2019',
    );
    await page.goto(`${base}/agreements/det-may-phu-hung-2024/compare?on=2025-06-01&verdict=below`);
    expect(await page.locator('table.side-by-side tbody tr').count()).toBe(1);
    await page.close();
    await screenshots('/agreements/det-may-phu-hung-2024/compare', 'compare');
  });

  it('checks a pasted draft without storing it', async () => {
    const page = await open('/check');
    await page
      .getByLabel('Nội dung dự thảo')
      .fill('Điều 1. Làm thêm giờ\nLàm thêm giờ vào ngày nghỉ hằng tuần ít nhất bằng 180%.');
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.locator('#check-result').waitFor();
    expect(await page.locator('table.side-by-side').innerText()).toContain('Thấp hơn luật');
    await page.screenshot({ path: join(SHOTS, 'check-desktop.png'), fullPage: true });
    await page.close();
  });

  it('shows the expiry dashboard with the calendar feed and the spreadsheet', async () => {
    const page = await open('/expiry');
    expect(await page.locator('.counts').innerText()).toContain('Hết hạn, đang áp dụng tiếp 2');
    const feed = await page.getByRole('link', { name: 'Lịch (.ics) để theo dõi' }).getAttribute('href');
    expect(feed).toBe('/api/expiry.ics?within=90');
    await page.close();
    await screenshots('/expiry', 'expiry');
  });

  it('shows a grade with its points and the checklist, and saves answers with the token', async () => {
    const page = await open('/agreements/thuy-san-mekong-2025/grade');
    expect(await page.locator('.grade-line').innerText()).toContain('D');
    await page.locator('fieldset', { hasText: 'Thành lập đoàn thương lượng' }).getByLabel('Có').check();
    await page.getByLabel('Họ tên người đánh giá').fill('Nguyễn Văn Kiểm');
    await page.getByLabel('Mã ghi (API token)').fill(TOKEN);
    await page.getByRole('button', { name: 'Lưu đánh giá' }).click();
    await page.waitForURL(/saved=1/);
    expect(await page.getByRole('status').innerText()).toBe('Đã lưu.');
    expect(await page.locator('table').first().innerText()).toContain('Nguyễn Văn Kiểm');
    await page.close();
    await screenshots('/agreements/dien-tu-tan-phat-2025/grade', 'grade');
  });

  it('imports a file with the token and reports the result per file', async () => {
    const page = await open('/import');
    await page.getByLabel('Tệp').setInputFiles([
      {
        name: 'moi.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from('# Điều 1. Nghỉ hằng năm\n\nNgười lao động được nghỉ hằng năm 15 ngày.'),
      },
      { name: 'hong.txt', mimeType: 'text/plain', buffer: Buffer.from('%PDF-1.4 binary') },
    ]);
    await page.getByLabel('Mã ghi (API token)').fill(TOKEN);
    await page.getByRole('button', { name: 'Nhập' }).click();
    await page.locator('#import-results').waitFor();
    const results = await page.locator('.outcomes').innerText();
    expect(results).toContain('Đã nhập moi.md');
    expect(results).toContain('Lỗi hong.txt');
    await page.screenshot({ path: join(SHOTS, 'import-desktop.png'), fullPage: true });
    await page.close();
  });

  it('records an extension on an agreement page, which moves its expiry', async () => {
    const page = await open('/agreements/ngan-hang-sao-viet-2025');
    await page.getByText('Ghi nhận sự kiện', { exact: true }).first().click();
    await page.locator('#event-type').selectOption('extended');
    await page.locator('#event-date').fill('2026-11-20');
    await page.getByLabel('Gia hạn đến ngày').fill('2027-12-31');
    await page.locator('#event-token').fill(TOKEN);
    await page.getByRole('button', { name: 'Ghi nhận sự kiện' }).click();
    await page.waitForURL(/#events-title/);
    expect(await page.locator('.facts').innerText()).toContain('31/12/2027');
    expect(await page.locator('#events-title + ul').innerText()).toContain('Gia hạn → 31/12/2027');
    await page.close();
  });

  it('lists the agreements below the law on a day, and removes an agreement with the token', async () => {
    const page = await open('/below-floor?on=2026-01-01');
    const list = await page.locator('.below-list').innerText();
    expect(list).toContain('Công ty TNHH May mặc Phú Hưng');
    expect(list).toContain('5.200.000 đồng/tháng');
    await page.screenshot({ path: join(SHOTS, 'below-floor-desktop.png'), fullPage: true });
    await page.goto(`${base}/agreements/co-khi-hai-phong-ban-chep`);
    await page.getByText('Xóa thỏa ước khỏi thư viện').click();
    await page.locator('#remove-token').fill(TOKEN);
    await page.getByRole('button', { name: 'Xóa' }).click();
    await page.waitForURL(`${base}/`);
    const gone = await page.goto(`${base}/agreements/co-khi-hai-phong-ban-chep`);
    expect(gone?.status()).toBe(404);
    await page.close();
  });

  it('shows document text as text: no script runs', async () => {
    const page = await open('/agreements/hostile');
    const text = await page.locator('.document').innerText();
    expect(text).toContain('<script>window.__pwned = 1</script>');
    expect(text).toContain('<img src=x onerror="window.__pwned = 2">');
    const search = await open('/?q=pwned');
    expect(await search.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
    await search.close();
  });

  it('switches to English and keeps the search', async () => {
    const page = await open('/?q=thoa+uoc');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByLabel('Search clauses').inputValue()).toBe('thoa uoc');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.close();
  });

  it('compares two versions: aligned columns, changed words marked, jump links to each change', async () => {
    const page = await open('/versions');
    await page.getByLabel('Phiên bản cũ').selectOption('det-may-phu-hung-2021');
    await page.getByLabel('Phiên bản mới').selectOption('det-may-phu-hung-2024');
    await page.getByRole('button', { name: 'So sánh' }).click();
    await page.waitForURL(/from=det-may-phu-hung-2021/);
    expect(await page.locator('#versions-summary').innerText()).toContain('chuyển chỗ 1');
    const leave = page.locator('.version-article', { hasText: 'Nghỉ hằng năm' });
    expect(await leave.locator('.old del').first().innerText()).toBe('12 ');
    expect(await leave.locator('.new ins').first().innerText()).toBe('14 ');
    expect(await leave.locator('.value-changes').innerText()).toContain('bằng luật → có lợi hơn');
    // Old and new text of a clause sit on the same row.
    const row = leave.locator('.diff-row.change-changed').first();
    const [left, right] = await Promise.all([
      row.locator('.old').boundingBox(),
      row.locator('.new').boundingBox(),
    ]);
    expect(Math.abs(left!.y - right!.y)).toBeLessThan(2);
    expect(right!.x).toBeGreaterThan(left!.x);
    await page.locator('.changes-list a', { hasText: 'Chuyển chỗ' }).click();
    expect(page.url()).toMatch(/#change-\d+$/);
    const target = page.url().split('#')[1]!;
    expect(await page.locator(`#${target}`).innerText()).toContain('Cam kết chung');
    await page.close();
    await screenshots('/versions?from=det-may-phu-hung-2021&to=det-may-phu-hung-2024', 'versions');
  });

  it('puts agreements side by side on a topic, sorts by a column and links the best clause', async () => {
    const page = await open('/benchmarks');
    await page.getByLabel('Chủ đề').selectOption(['meal', 'annual_leave']);
    await page.getByLabel('Ngành', { exact: true }).selectOption('det-may');
    await page.getByRole('button', { name: 'So sánh' }).click();
    await page.waitForURL(/industry=det-may/);
    expect(await page.locator('table.benchmarks tbody tr').count()).toBe(2);
    expect(await page.locator('table.benchmarks tfoot').innerText()).toContain('Trung vị');
    await page.locator('th a[data-column="annual_leave"]').click();
    await page.waitForURL(/sort=annual_leave&dir=desc/);
    const order = await page
      .locator('table.benchmarks tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-agreement')));
    expect(order).toEqual(['det-may-phu-hung-2024', 'det-may-phu-hung-2021']);
    const bar = await page
      .locator('table.benchmarks tbody tr')
      .first()
      .locator('.percentile .bar > span')
      .first()
      .getAttribute('style');
    expect(bar).toMatch(/width:\d+(\.\d+)?%/);
    await page.locator('.best-clauses a').first().click();
    await page.waitForURL(/\/agreements\/det-may-phu-hung-2024#/);
    await page.close();
    await screenshots('/benchmarks?topic=meal&topic=overtime&industry=det-may', 'benchmarks');
  });

  it('marks clauses that only copy the law, in the agreement and beside the law', async () => {
    const page = await open('/agreements/det-may-phu-hung-2024');
    const badge = page.locator('#dieu-9\\.khoan-1 .badge.restates-law');
    expect(await badge.innerText()).toBe('Chép lại luật');
    expect(await badge.getAttribute('title')).toContain('Điều 107');
    await page.goto(`${base}/agreements/det-may-phu-hung-2024/compare`);
    const wording = page.locator('details.law-wording').first();
    await wording.locator('summary').click();
    expect(await wording.locator('.diff').isVisible()).toBe(true);
    expect(await page.locator('table.side-by-side del').count()).toBeGreaterThan(0);
    await page.close();
  });
});

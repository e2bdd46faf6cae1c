import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sampleApp } from './sample-app.ts';

// Signed in Bình Dương on 15/01/2024, before the merger of 01/07/2025 (Nghị quyết 202/2025/QH15).
const BINH_DUONG_2024 = 'det-may-phu-hung-2024';
const LABEL = 'Bình Dương — nay thuộc TP. Hồ Chí Minh';
const HCM = encodeURIComponent('Hồ Chí Minh');

const sample = sampleApp();

const html = async (path: string) => {
  const res = await sample.app.request(path);
  expect(res.status).toBe(200);
  return res.text();
};

describe('a filter on Hồ Chí Minh includes an agreement signed in Bình Dương in 2024, shown with both names', () => {
  it('on the list of agreements (API), which carries the current province', async () => {
    const body = (await (
      await sample.app.request(`/api/agreements?province=${HCM}&pageSize=100`)
    ).json()) as {
      items: Array<{ id: string; meta: { province?: string; currentProvince?: string } }>;
    };
    expect(body.items.find((i) => i.id === BINH_DUONG_2024)?.meta).toMatchObject({
      province: 'Bình Dương',
      currentProvince: 'Hồ Chí Minh',
    });
  });

  it('on the search list page: hits of Bình Dương under the Hồ Chí Minh filter say where it is now', async () => {
    const page = await html(`/?q=${encodeURIComponent('may mặc Phú Hưng')}&province=${HCM}`);
    expect(page).toContain(`/agreements/${BINH_DUONG_2024}#`);
    expect(page).toMatch(new RegExp(`<p class="meta">Công ty TNHH May mặc Phú Hưng · Dệt may · ${LABEL}`));
  });

  it('on the expiry dashboard page and its API', async () => {
    const page = await html(`/expiry?province=${HCM}`);
    expect(page).toContain(`/agreements/${BINH_DUONG_2024}"`);
    expect(page).toContain(`Các Khu công nghiệp tỉnh Bình Dương, ${LABEL}`);
    expect(await html(`/expiry?province=${HCM}&lang=en`)).toContain(
      'Bình Dương — now part of TP. Hồ Chí Minh',
    );
    const api = (await (await sample.app.request(`/api/expiry?province=${HCM}`)).json()) as {
      items: Array<{ id: string; province?: string; currentProvince?: string }>;
    };
    expect(api.items.find((i) => i.id === BINH_DUONG_2024)).toMatchObject({
      province: 'Bình Dương',
      currentProvince: 'Hồ Chí Minh',
    });
  });

  it('in the expiry spreadsheet, as the province written and the province now', async () => {
    const csv = await (await sample.app.request(`/api/expiry.csv?province=${HCM}`)).text();
    const rows = parseCsv(csv, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r['Mã thỏa ước'] === BINH_DUONG_2024)).toMatchObject({
      'Tỉnh/thành phố': 'Bình Dương',
      'Nay thuộc tỉnh/thành phố': 'Hồ Chí Minh',
    });
  });

  it('on the agreement page and the below-the-law list', async () => {
    expect(await html(`/agreements/${BINH_DUONG_2024}`)).toContain(LABEL);
    const below = await html(`/below-floor?province=${HCM}`);
    expect(below).toContain(`<span class="note"> · ${LABEL}</span>`);
  });

  it('on the grades dashboard of the area (its list names no province)', async () => {
    expect(await html(`/grades?province=${HCM}`)).toContain(`/agreements/${BINH_DUONG_2024}`);
  });

  it('leaves a province that kept its borders as it is', async () => {
    const page = await html(`/expiry?province=${encodeURIComponent('Hà Nội')}&within=`);
    expect(page).toContain('Hà Nội');
    expect(page).not.toContain('nay thuộc');
  });
});

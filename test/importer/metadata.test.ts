import { describe, expect, it } from 'vitest';
import { importDocument } from '../../importer/index.ts';

function meta(text: string, overrides = {}) {
  return importDocument(new TextEncoder().encode(text), { filename: 'tu.txt', overrides });
}

const HEADER = `CÔNG TY TNHH MAY VIỆT THẮNG
Hà Nội, ngày 01 tháng 01 năm 2026
THỎA ƯỚC LAO ĐỘNG TẬP THỂ
Đại diện người sử dụng lao động: Công ty TNHH May Việt Thắng
Ông: Lê Văn Nam - Chức vụ: Giám đốc
Địa chỉ: 12 Nguyễn Trãi, phường Khương Trung, quận Thanh Xuân, thành phố Hà Nội
Đại diện tập thể người lao động: Công đoàn cơ sở Công ty TNHH May Việt Thắng
Bà: Trần Thị Hoa - Chức vụ: Chủ tịch Công đoàn cơ sở
`;

describe('metadata from the text', () => {
  it('reads parties, signatories, place and date, industry, province and district', () => {
    const { meta: m } = meta(
      `${HEADER}Chương I. CHUNG\nĐiều 1. Thời hạn\nThỏa ước có hiệu lực 03 năm kể từ ngày ký.\n`,
    );
    expect(m).toMatchObject({
      title: 'THỎA ƯỚC LAO ĐỘNG TẬP THỂ',
      employer: 'Công ty TNHH May Việt Thắng',
      unionSide: 'Công đoàn cơ sở Công ty TNHH May Việt Thắng',
      signingPlace: 'Hà Nội',
      signedOn: '2026-01-01',
      effectiveOn: '2026-01-01',
      termMonths: 36,
      expiresOn: '2028-12-31',
      industry: 'det-may',
      province: 'Hà Nội',
      district: 'quận Thanh Xuân',
      level: 'enterprise',
    });
    expect(m.signatories).toEqual([
      { side: 'employer', name: 'Lê Văn Nam', title: 'Giám đốc' },
      { side: 'workers', name: 'Trần Thị Hoa', title: 'Chủ tịch Công đoàn cơ sở' },
    ]);
  });

  it.each([
    ['thời hạn hai (02) năm kể từ ngày ký', 24],
    ['Thỏa ước có thời hạn 03 (ba) năm', 36],
    ['có hiệu lực trong thời hạn 36 tháng', 36],
    ['Thỏa ước có thời hạn là ba năm', 36],
    ['có hiệu lực 01 năm', 12],
  ])('reads the term in "%s"', (sentence, months) => {
    const { meta: m } = meta(`${HEADER}Điều 1. Hiệu lực\n${sentence}.\n`);
    expect(m.termMonths).toBe(months);
  });

  it('reads an effective date and a written expiry date, and derives the term', () => {
    const { meta: m } = meta(
      `${HEADER}Điều 2. Thời hạn\nThỏa ước có hiệu lực từ ngày 01/01/2025 đến hết ngày 31/12/2026.\n`,
    );
    expect(m).toMatchObject({ effectiveOn: '2025-01-01', expiresOn: '2026-12-31', termMonths: 24 });
  });

  it('takes the signing date as effective date when none is written, and says so (Điều 78)', () => {
    const doc = meta(`${HEADER}Điều 1. Thời hạn\nThỏa ước có thời hạn 02 năm.\n`);
    expect(doc.meta.effectiveOn).toBe('2026-01-01');
    expect(doc.meta.expiresOn).toBe('2027-12-31');
    expect(doc.warnings.find((w) => w.code === 'metadata_derived')?.field).toBe('effectiveOn');
  });

  it('reads "ký ngày 11/10/2024" when there is no place-and-date line', () => {
    const { meta: m } = meta(
      'THỎA ƯỚC LAO ĐỘNG TẬP THỂ\nĐiều 1. Hiệu lực\nThỏa ước được ký ngày 11/10/2024 và có hiệu lực 02 năm.\n',
    );
    expect(m.signedOn).toBe('2024-10-11');
  });

  it('recognises sector and multi-enterprise agreements from the title', () => {
    expect(meta('THỎA ƯỚC LAO ĐỘNG TẬP THỂ NGÀNH DỆT MAY\nĐiều 1. X\nY\n').meta.level).toBe('sector');
    expect(meta('THỎA ƯỚC LAO ĐỘNG TẬP THỂ NHIỀU DOANH NGHIỆP\nĐiều 1. X\nY\n').meta.level).toBe(
      'multi_enterprise',
    );
  });

  it('lists what it cannot find as warnings instead of guessing', () => {
    const doc = meta('THỎA ƯỚC LAO ĐỘNG TẬP THỂ\nĐiều 1. Phạm vi\nÁp dụng cho toàn thể người lao động.\n');
    const missing = doc.warnings.filter((w) => w.code === 'metadata_missing').map((w) => w.field);
    expect(missing).toEqual(
      expect.arrayContaining(['employer', 'signedOn', 'effectiveOn', 'expiresOn', 'industry', 'province']),
    );
    expect(doc.meta.employer).toBeUndefined();
    expect(doc.meta.industry).toBeUndefined();
  });

  it('lets overrides win over the text and recomputes the expiry', () => {
    const doc = meta(`${HEADER}Điều 1. Thời hạn\nThỏa ước có hiệu lực 03 năm kể từ ngày ký.\n`, {
      industry: 'dien-tu',
      province: 'Bắc Ninh',
      termMonths: 12,
    });
    expect(doc.meta).toMatchObject({
      industry: 'dien-tu',
      province: 'Bắc Ninh',
      termMonths: 12,
      expiresOn: '2026-12-31',
    });
  });

  it('reads YAML front matter, ignoring an invalid field with a warning', () => {
    const md = `---\nindustry: dệt may\nprovince: TP.HCM\nwageRegion: II\nsignedOn: not-a-date\n---\n\n# THỎA ƯỚC LAO ĐỘNG TẬP THỂ\n\n## Điều 1. Phạm vi\n\nToàn công ty.\n`;
    const doc = importDocument(new TextEncoder().encode(md), { filename: 'a.md' });
    expect(doc.meta).toMatchObject({ industry: 'det-may', province: 'Hồ Chí Minh', wageRegion: 2 });
    expect(doc.meta.signedOn).toBeUndefined();
    expect(doc.warnings.some((w) => w.code === 'metadata_invalid' && w.messageEn.includes('signedOn'))).toBe(
      true,
    );
  });
});

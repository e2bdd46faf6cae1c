import { describe, expect, it } from 'vitest';
import {
  detectIndustry,
  findProvinces,
  INDUSTRIES,
  resolveIndustry,
  resolveProvince,
} from '../../clauses/index.ts';

describe('industries', () => {
  it('has about twenty sectors, each mapped to VSIC codes', () => {
    expect(INDUSTRIES.length).toBeGreaterThanOrEqual(20);
    for (const industry of INDUSTRIES) expect(industry.vsic.length).toBeGreaterThan(0);
  });

  it.each([
    ['dệt may', 'det-may'],
    ['det may', 'det-may'],
    ['det-may', 'det-may'],
    ['Textiles and garments', 'det-may'],
    ['14', 'det-may'],
    ['Điện tử', 'dien-tu'],
  ])('resolves "%s" to %s', (input, id) => {
    expect(resolveIndustry(input)?.id).toBe(id);
  });

  it('detects the sector from an employer name with diacritics that matter', () => {
    expect(detectIndustry(['Công ty TNHH May mặc Phú Hưng'])?.id).toBe('det-may');
    expect(detectIndustry(['Công ty TNHH Chế tạo máy Đông Anh'])?.id).toBe('co-khi');
    expect(detectIndustry(['Công ty TNHH Thuận Phát'])).toBeUndefined();
  });
});

describe('provinces', () => {
  it.each([
    ['TP.HCM', 'Hồ Chí Minh'],
    ['tỉnh Bình Dương', 'Bình Dương'],
    ['binh duong', 'Bình Dương'],
    ['Thừa Thiên Huế', 'Huế'],
  ])('resolves "%s"', (input, name) => {
    expect(resolveProvince(input)?.name).toBe(name);
  });

  it('finds the provinces named in an address, in order', () => {
    const found = findProvinces('Lô C5, KCN Việt Hương, thành phố Thuận An, tỉnh Bình Dương');
    expect(found.map((p) => p.name)).toEqual(['Bình Dương']);
  });
});

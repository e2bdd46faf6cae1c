import { describe, expect, it } from 'vitest';
import {
  currentProvinceOf,
  describeProvince,
  formerProvincesOf,
  PROVINCE_REFORM_SOURCE,
  PROVINCES,
  provinceFilterNames,
  resolvePlace,
  resolveProvince,
  suggestProvinces,
} from '../../clauses/index.ts';

describe('provinces after Nghị quyết 202/2025/QH15', () => {
  it('maps the 63 former provinces onto the 34 current ones', () => {
    expect(PROVINCES).toHaveLength(63);
    expect(new Set(PROVINCES.map((p) => p.now)).size).toBe(34);
    expect(PROVINCES.filter((p) => p.current)).toHaveLength(34);
    expect(PROVINCE_REFORM_SOURCE).toMatchObject({ adopted: '2025-06-12', inForce: '2025-07-01' });
  });

  it.each([
    'Hà Nội',
    'Huế',
    'Lai Châu',
    'Điện Biên',
    'Sơn La',
    'Lạng Sơn',
    'Quảng Ninh',
    'Thanh Hóa',
    'Nghệ An',
    'Hà Tĩnh',
    'Cao Bằng',
  ])('keeps %s within its borders', (name) => {
    expect(formerProvincesOf(name)).toEqual([name]);
  });

  it.each([
    ['Bình Dương', 'Hồ Chí Minh'],
    ['Bà Rịa - Vũng Tàu', 'Hồ Chí Minh'],
    ['Quảng Nam', 'Đà Nẵng'],
    ['Hải Dương', 'Hải Phòng'],
    ['Long An', 'Tây Ninh'],
    ['Bình Phước', 'Đồng Nai'],
    ['Hà Giang', 'Tuyên Quang'],
    ['Vĩnh Phúc', 'Phú Thọ'],
    ['Nam Định', 'Ninh Bình'],
    ['Kiên Giang', 'An Giang'],
    ['Bình Thuận', 'Lâm Đồng'],
    ['Sóc Trăng', 'Cần Thơ'],
  ])('places %s in %s today', (former, current) => {
    expect(currentProvinceOf(former)).toBe(current);
    expect(formerProvincesOf(current)).toContain(former);
  });

  it.each([
    ['HCM', 'Hồ Chí Minh'],
    ['TP.HCM', 'Hồ Chí Minh'],
    ['tp hcm', 'Hồ Chí Minh'],
    ['Sài Gòn', 'Hồ Chí Minh'],
    ['HN', 'Hà Nội'],
    ['BR-VT', 'Bà Rịa - Vũng Tàu'],
    ['brvt', 'Bà Rịa - Vũng Tàu'],
    ['Thừa Thiên Huế', 'Huế'],
    ['tỉnh Đắc Lắc', 'Đắk Lắk'],
  ])('recognises the short form "%s"', (input, name) => {
    expect(resolveProvince(input)?.name).toBe(name);
  });

  it('lets a filter on a current province match the agreements that name its former provinces', () => {
    expect(provinceFilterNames('Hồ Chí Minh')).toEqual(['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu']);
    expect(provinceFilterNames('hcm')).toEqual(['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu']);
    // A former province names a part of today's one: only itself.
    expect(provinceFilterNames('Bình Dương')).toEqual(['Bình Dương']);
    expect(provinceFilterNames('Hồ Chí Mính Xyz')).toBeUndefined();
  });

  it('places a written place on the current map and keeps it as written', () => {
    expect(resolvePlace('phường Phú Hòa, thành phố Thủ Dầu Một, tỉnh Bình Dương')).toEqual({
      asWritten: 'phường Phú Hòa, thành phố Thủ Dầu Một, tỉnh Bình Dương',
      province: 'Bình Dương',
      currentProvince: 'Hồ Chí Minh',
      merged: true,
    });
    expect(resolvePlace('TP. Hà Nội')).toMatchObject({
      province: 'Hà Nội',
      currentProvince: 'Hà Nội',
      merged: false,
    });
    expect(resolvePlace('Khu công nghiệp')).toBeUndefined();
  });

  it('names a merged province with the one it belongs to now, for pages', () => {
    expect(describeProvince('Bình Dương').vi).toBe('Bình Dương — nay thuộc TP. Hồ Chí Minh');
    expect(describeProvince('Long An').vi).toBe('Long An — nay thuộc tỉnh Tây Ninh');
    expect(describeProvince('Hà Tĩnh').vi).toBe('Hà Tĩnh');
  });

  it.each([
    ['Binh Duog', 'Bình Dương'],
    ['Ho Chi Mih', 'Hồ Chí Minh'],
    ['Quang Ngai', 'Quảng Ngãi'],
    ['Dong Na', 'Đồng Nai'],
  ])('suggests "%s" → %s for an unrecognised name', (input, name) => {
    expect(suggestProvinces(input)).toContain(name);
  });

  it('suggests nothing for a word that is no province at all', () => {
    expect(suggestProvinces('xyzzyqwerty')).toEqual([]);
  });
});

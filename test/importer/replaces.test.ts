import { describe, expect, it } from 'vitest';
import { readReplaces } from '../../importer/replaces.ts';

describe('readReplaces', () => {
  it.each([
    [
      'Thỏa ước này thay thế cho Thỏa ước lao động tập thể ký ngày 15/01/2021.',
      { asWritten: 'thay thế cho Thỏa ước lao động tập thể ký ngày 15/01/2021', signedOn: '2021-01-15' },
    ],
    [
      'Thỏa ước có hiệu lực từ ngày ký và thay thế Thỏa ước số 02/TƯ-CĐ ngày 20 tháng 12 năm 2020; các quy định trước đây hết hiệu lực.',
      {
        asWritten: 'thay thế Thỏa ước số 02/TƯ-CĐ ngày 20 tháng 12 năm 2020',
        signedOn: '2020-12-20',
        documentNumber: '02/TƯ-CĐ',
      },
    ],
    [
      'Bản thỏa ước này THAY THẾ CHO THỎA ƯỚC LAO ĐỘNG TẬP THỂ NĂM 2021 của Công ty',
      { asWritten: 'THAY THẾ CHO THỎA ƯỚC LAO ĐỘNG TẬP THỂ NĂM 2021 của Công ty' },
    ],
    [
      'Thoả ước này thay thế cho bản Thoả ước ký ngày 1-6-2022.',
      { asWritten: 'thay thế cho bản Thoả ước ký ngày 1-6-2022', signedOn: '2022-06-01' },
    ],
  ])('reads %j', (line, expected) => {
    const { index, ...found } = readReplaces(['Điều 30. Hiệu lực', line])!;
    expect(found).toEqual(expected);
    expect(index).toBe(1);
  });

  it.each([
    'Người lao động được thay thế ca làm việc khi có lý do chính đáng.',
    'Thỏa ước này được sửa đổi, bổ sung khi hai bên thống nhất.',
    'Ngày 31/02/2021 thay thế cho',
  ])('finds no replaced agreement in %j', (line) => {
    expect(readReplaces([line])).toBeUndefined();
  });

  it('keeps the words but no date when the date is impossible', () => {
    expect(readReplaces(['thay thế cho Thỏa ước ký ngày 31/02/2021'])).toMatchObject({
      asWritten: 'thay thế cho Thỏa ước ký ngày 31/02/2021',
    });
    expect(readReplaces(['thay thế cho Thỏa ước ký ngày 31/02/2021'])?.signedOn).toBeUndefined();
  });
});

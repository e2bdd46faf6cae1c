import { describe, expect, it } from 'vitest';
import { importDocument } from '../../importer/index.ts';

const importText = (text: string) => importDocument(new TextEncoder().encode(text), { filename: 'tu.txt' });

const BODY = `Điều 1. Thời hạn
Thỏa ước có hiệu lực 02 năm kể từ ngày ký.
Điều 2. Tiền lương
Công ty trả lương đúng hạn.
`;

// One header, written as Word, PDF and text extraction deliver it.
const HEADERS: Array<[string, string]> = [
  [
    'a table, one cell per column',
    `| TẬP ĐOÀN DỆT MAY VIỆT NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| TỔNG CÔNG TY MAY SÔNG ĐÀO | Độc lập – Tự do – Hạnh phúc |
| Số: 15/TƯLĐTT | Nam Định, ngày 12 tháng 3 năm 2024 |
`,
  ],
  [
    'a table whose cells hold both lines of a column',
    `| TẬP ĐOÀN DỆT MAY VIỆT NAM TỔNG CÔNG TY MAY SÔNG ĐÀO Số: 15/TƯLĐTT | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc Nam Định, ngày 12 tháng 3 năm 2024 |
`,
  ],
  [
    'one glued line',
    `TẬP ĐOÀN DỆT MAY VIỆT NAM TỔNG CÔNG TY MAY SÔNG ĐÀO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc Số: 15/TƯLĐTT Nam Định, ngày 12 tháng 3 năm 2024
`,
  ],
  [
    'lines glued column by column',
    `TẬP ĐOÀN DỆT MAY VIỆT NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỔNG CÔNG TY MAY SÔNG ĐÀO Độc lập – Tự do – Hạnh phúc
Số: 15/TƯLĐTT Nam Định, ngày 12 tháng 3 năm 2024
`,
  ],
  [
    'interleaved lines',
    `TẬP ĐOÀN DỆT MAY VIỆT NAM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỔNG CÔNG TY MAY SÔNG ĐÀO
Độc lập – Tự do – Hạnh phúc
Số: 15/TƯLĐTT
Nam Định, ngày 12 tháng 3 năm 2024
`,
  ],
  [
    'the left column, then the right one',
    `TẬP ĐOÀN DỆT MAY VIỆT NAM
TỔNG CÔNG TY MAY SÔNG ĐÀO
Số: 15/TƯLĐTT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nam Định, ngày 12 tháng 3 năm 2024
`,
  ],
];

describe('the two-column header', () => {
  it.each(HEADERS)('reads the employer, its parent group, number, place and date from %s', (_, header) => {
    const { meta } = importText(`${header}\nTHỎA ƯỚC LAO ĐỘNG TẬP THỂ\n\n${BODY}`);
    expect(meta).toMatchObject({
      employer: 'TỔNG CÔNG TY MAY SÔNG ĐÀO',
      parentGroup: 'TẬP ĐOÀN DỆT MAY VIỆT NAM',
      documentNumber: '15/TƯLĐTT',
      signingPlace: 'Nam Định',
      signedOn: '2024-03-12',
      province: 'Nam Định',
      currentProvince: 'Ninh Bình',
    });
    expect(meta.employer).not.toMatch(/CỘNG HÒA|Độc lập/u);
    expect(meta.provenance?.employer).toEqual({ from: 'text', line: expect.any(Number) });
  });

  it('takes a company alone on the left as the employer, with no parent group', () => {
    const { meta } = importText(
      `CÔNG TY TNHH ĐIỆN TỬ HOÀNG LONG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n| Độc lập – Tự do – Hạnh phúc\nTP. Hồ Chí Minh, ngày 05 tháng 01 năm 2025\n\nTHỎA ƯỚC LAO ĐỘNG TẬP THỂ\n\n${BODY}`,
    );
    expect(meta.employer).toBe('CÔNG TY TNHH ĐIỆN TỬ HOÀNG LONG');
    expect(meta.parentGroup).toBeUndefined();
    expect(meta).toMatchObject({ signingPlace: 'TP. Hồ Chí Minh', signedOn: '2025-01-05' });
  });

  it('cuts the signing place from the company glued before it', () => {
    const { meta } = importText(
      `CÔNG TY TNHH CƠ KHÍ AN BÌNH Hải Dương, ngày 03 tháng 02 năm 2025\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTHỎA ƯỚC LAO ĐỘNG TẬP THỂ\n\n${BODY}`,
    );
    expect(meta).toMatchObject({
      employer: 'CÔNG TY TNHH CƠ KHÍ AN BÌNH',
      signingPlace: 'Hải Dương',
      signedOn: '2025-02-03',
      currentProvince: 'Hải Phòng',
    });
  });

  it('takes a name broken over two lines of its column as one', () => {
    const { meta } = importText(
      `CÔNG TY | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCỔ PHẦN GỖ AN KHANG | Độc lập – Tự do – Hạnh phúc\n| Quy Nhơn, ngày 20 tháng 6 năm 2023\n\nTHỎA ƯỚC LAO ĐỘNG TẬP THỂ\n\n${BODY}`,
    );
    expect(meta.employer).toBe('CÔNG TY CỔ PHẦN GỖ AN KHANG');
  });

  it('reads a union issuing the text, with its federation above it as the superior union', () => {
    const { meta } = importText(
      `LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC NINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH KÍNH QUẾ VÕ | Độc lập – Tự do – Hạnh phúc\n| Bắc Ninh, ngày 02 tháng 8 năm 2024\n\nTHỎA ƯỚC LAO ĐỘNG TẬP THỂ\n\n${BODY}`,
    );
    expect(meta.unionSide).toBe('CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH KÍNH QUẾ VÕ');
    expect(meta.superiorUnion).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC NINH');
    expect(meta.employer).toBeUndefined();
    expect(meta.parentGroup).toBeUndefined();
  });

  it('leaves a model agreement’s blanks empty and says they are blank', () => {
    const doc = importText(
      `CÔNG TY\nTNHH …………………\nĐịa chỉ: ……………… | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n……………, ngày … tháng … năm 20…\n\nTHỎA ƯỚC LAO ĐỘNG TẬP THỂ\n\n${BODY}`,
    );
    expect(doc.meta.employer).toBeUndefined();
    expect(doc.meta.signingPlace).toBeUndefined();
    expect(doc.meta.signedOn).toBeUndefined();
    const blank = doc.warnings.filter((w) => w.code === 'metadata_missing' && w.message.includes('để trống'));
    expect(blank.map((w) => w.field).sort()).toEqual(['employer', 'signedOn', 'signingPlace']);
  });
});

const PARTIES: Array<[string, string, Record<string, unknown>, Array<Record<string, string>>]> = [
  [
    'an organisation after each side, a person and a title below',
    `Đại diện người sử dụng lao động: Công ty TNHH Thực phẩm Hà Thành
Ông: Đỗ Minh Quân - Chức vụ: Tổng Giám đốc
Địa chỉ: Lô B2, Khu công nghiệp Quang Minh, huyện Mê Linh, thành phố Hà Nội
Mã số thuế: 0101234567
Đại diện tập thể người lao động: Công đoàn cơ sở Công ty TNHH Thực phẩm Hà Thành
Bà: Nguyễn Thị Lan - Chức vụ: Chủ tịch Công đoàn cơ sở`,
    {
      employer: 'Công ty TNHH Thực phẩm Hà Thành',
      unionSide: 'Công đoàn cơ sở Công ty TNHH Thực phẩm Hà Thành',
      taxCode: '0101234567',
      address: 'Lô B2, Khu công nghiệp Quang Minh, huyện Mê Linh, thành phố Hà Nội',
      province: 'Hà Nội',
    },
    [
      { side: 'employer', name: 'Đỗ Minh Quân', title: 'Tổng Giám đốc' },
      { side: 'workers', name: 'Nguyễn Thị Lan', title: 'Chủ tịch Công đoàn cơ sở' },
    ],
  ],
  [
    'a person and the title naming the organisation, on the side line',
    `Đại diện người sử dụng lao động: Ông Phạm Quốc Bảo – Giám đốc Công ty Cổ phần Bao bì Tân Định
Đại diện tập thể người lao động: Bà Lê Thị Mai – Chủ tịch Công đoàn cơ sở Công ty Cổ phần Bao bì Tân Định`,
    {
      employer: 'Công ty Cổ phần Bao bì Tân Định',
      unionSide: 'Công đoàn cơ sở Công ty Cổ phần Bao bì Tân Định',
    },
    [
      { side: 'employer', name: 'Phạm Quốc Bảo', title: 'Giám đốc Công ty Cổ phần Bao bì Tân Định' },
      {
        side: 'workers',
        name: 'Lê Thị Mai',
        title: 'Chủ tịch Công đoàn cơ sở Công ty Cổ phần Bao bì Tân Định',
      },
    ],
  ],
  [
    'numbered sides, a name in capitals and a "Chức danh" line',
    `1. Đại diện người sử dụng lao động (NSDLĐ):
Ông: TRƯƠNG VĂN HẢI
Chức danh: Giám đốc
2. Đại diện tập thể lao động:
Bà: VŨ THỊ THU
Chức danh: Chủ tịch Công đoàn cơ sở`,
    {},
    [
      { side: 'employer', name: 'Trương Văn Hải', title: 'Giám đốc' },
      { side: 'workers', name: 'Vũ Thị Thu', title: 'Chủ tịch Công đoàn cơ sở' },
    ],
  ],
];

describe("the parties' paragraph", () => {
  it.each(PARTIES)('reads %s', (_, parties, expected, signatories) => {
    const { meta } = importText(
      `THỎA ƯỚC LAO ĐỘNG TẬP THỂ\n\nHôm nay, chúng tôi gồm:\n${parties}\n\n${BODY}`,
    );
    expect(meta).toMatchObject(expected);
    expect(meta.signatories).toEqual(signatories);
  });
});

const SIGNATURES: Array<[string, string]> = [
  [
    'a table',
    `| ĐẠI DIỆN TẬP THỂ LAO ĐỘNG | ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG |
| CHỦ TỊCH CÔNG ĐOÀN | GIÁM ĐỐC |
| (đã ký) | (đã ký) |
| Hoàng Thị Yến | Ngô Đức Thịnh |`,
  ],
  [
    'glued lines',
    `ĐẠI DIỆN TẬP THỂ LAO ĐỘNG ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG
CHỦ TỊCH CÔNG ĐOÀN GIÁM ĐỐC
(đã ký) (đã ký)

Hoàng Thị Yến Ngô Đức Thịnh`,
  ],
  [
    'interleaved lines',
    `ĐẠI DIỆN TẬP THỂ LAO ĐỘNG
ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG
CHỦ TỊCH CÔNG ĐOÀN
GIÁM ĐỐC
Hoàng Thị Yến
Ngô Đức Thịnh`,
  ],
  [
    'one column after the other, names far below',
    `ĐẠI DIỆN TẬP THỂ LAO ĐỘNG
CHỦ TỊCH CÔNG ĐOÀN
(Ký, ghi rõ họ tên)



Hoàng Thị Yến
ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG
GIÁM ĐỐC
(Ký tên, đóng dấu)


Ngô Đức Thịnh`,
  ],
];

describe('the signature block', () => {
  it.each(SIGNATURES)('reads titles and names from %s', (_, block) => {
    const { meta } = importText(`THỎA ƯỚC LAO ĐỘNG TẬP THỂ\n\n${BODY}\n${block}\n`);
    expect(meta.signatories).toEqual([
      { side: 'workers', name: 'Hoàng Thị Yến', title: 'Chủ tịch Công đoàn' },
      { side: 'employer', name: 'Ngô Đức Thịnh', title: 'Giám đốc' },
    ]);
    expect(meta.provenance?.signatories?.from).toBe('text');
  });

  it('adds the titles the signature block gives to the people the parties’ paragraph names', () => {
    const { meta } = importText(
      `THỎA ƯỚC LAO ĐỘNG TẬP THỂ\n\nĐại diện người sử dụng lao động: Ông Ngô Đức Thịnh\nĐại diện tập thể người lao động: Bà Hoàng Thị Yến\n\n${BODY}\n${SIGNATURES[0]![1]}\n`,
    );
    expect(meta.signatories).toEqual([
      { side: 'employer', name: 'Ngô Đức Thịnh', title: 'Giám đốc' },
      { side: 'workers', name: 'Hoàng Thị Yến', title: 'Chủ tịch Công đoàn' },
    ]);
  });

  it('leaves blank names empty and warns that no signatory was found', () => {
    const doc = importText(
      `THỎA ƯỚC LAO ĐỘNG TẬP THỂ\n\n${BODY}\nĐẠI DIỆN TẬP THỂ LAO ĐỘNG | ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG\nCHỦ TỊCH | GIÁM ĐỐC\n……………… | ………………\n`,
    );
    expect(doc.meta.signatories).toEqual([]);
    expect(
      doc.warnings.some((w) => w.code === 'metadata_missing' && w.messageEn.includes('signatories')),
    ).toBe(true);
  });
});

describe('place on the 2025 map', () => {
  it.each([
    [
      'the address',
      'Địa chỉ: Đường số 7, KCN Sóng Thần, thị xã Dĩ An, tỉnh Bình Dương',
      'Bình Dương',
      'Hồ Chí Minh',
    ],
    ['the signing place', 'Vũng Tàu, ngày 10 tháng 10 năm 2024', 'Bà Rịa - Vũng Tàu', 'Hồ Chí Minh'],
    ['the addressees', '', 'Quảng Nam', 'Đà Nẵng'],
  ])('reads the province from %s and the current province it belongs to', (_, line, province, current) => {
    const closing = line ? '' : '\nNơi nhận:\n- Sở Nội vụ tỉnh Quảng Nam;\n- Lưu VT.\n';
    const { meta } = importText(
      `THỎA ƯỚC LAO ĐỘNG TẬP THỂ\n${line}\n\n${BODY}\nĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG\nGIÁM ĐỐC\n${closing}`,
    );
    expect(meta).toMatchObject({ province, currentProvince: current });
    expect(meta.placeAsWritten).toBeDefined();
  });

  it('trusts the address over the signing place', () => {
    const { meta } = importText(
      `Hà Nội, ngày 01 tháng 4 năm 2024\nTHỎA ƯỚC LAO ĐỘNG TẬP THỂ\nĐại diện người sử dụng lao động: Công ty TNHH Gạch men Thái Bình\nĐịa chỉ: Khu công nghiệp Tiền Hải, huyện Tiền Hải, tỉnh Thái Bình\n\n${BODY}`,
    );
    expect(meta).toMatchObject({
      signingPlace: 'Hà Nội',
      province: 'Thái Bình',
      currentProvince: 'Hưng Yên',
    });
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/index.ts';
import { SAMPLE_DIR } from '../helpers.ts';
import { cliHarness } from './harness.ts';

const cli = cliHarness();
const { cba } = cli;

describe('cba import', () => {
  it('imports a folder and reports a summary; a second run skips duplicates', async () => {
    expect(await cba('import', SAMPLE_DIR)).toBe(0);
    expect(cli.out.at(-1)).toContain('imported 16, duplicates 0, failed 0');
    cli.out = [];
    expect(await cba('import', SAMPLE_DIR)).toBe(0);
    expect(cli.out.at(-1)).toContain('imported 0, duplicates 16, failed 0');
  });

  it('reports failures with their reason and exits 1, importing the rest', async () => {
    const bad = join(cli.dir, 'hong.txt');
    writeFileSync(bad, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]));
    const good = join(SAMPLE_DIR, 'det-may-phu-hung-2024.md');
    expect(await cba('import', bad, good, join(cli.dir, 'khong-co.md'), '--json')).toBe(1);
    const report = JSON.parse(cli.out.join('\n')) as {
      summary: Record<string, number>;
      files: Array<{ status: string; reason?: string }>;
    };
    expect(report.summary).toMatchObject({ imported: 1, failed: 2 });
    expect(report.files.find((f) => f.status === 'failed' && f.reason?.includes('PDF'))).toBeDefined();
  });

  it('applies --industry, --province, --district and --region to every file', async () => {
    const file = join(cli.dir, 'a.txt');
    writeFileSync(file, 'THỎA ƯỚC LAO ĐỘNG TẬP THỂ\nĐiều 1. Phạm vi\nToàn công ty.\n');
    await cba(
      'import',
      file,
      '--industry',
      'cao su',
      '--province',
      'Bình Phước',
      '--district',
      'huyện Phú Riềng',
      '--region',
      'III',
    );
    cli.out = [];
    await cba('show', 'a', '--json');
    expect(JSON.parse(cli.out.join('\n')).meta).toMatchObject({
      industry: 'cao-su',
      province: 'Bình Phước',
      district: 'huyện Phú Riềng',
      wageRegion: 3,
    });
  });

  it('stores nothing on --dry-run', async () => {
    expect(await cba('import', SAMPLE_DIR, '--dry-run')).toBe(0);
    cli.out = [];
    await cba('list', '--json');
    expect(JSON.parse(cli.out.join('\n')).total).toBe(0);
  });

  it('rejects an unknown industry before reading any file', async () => {
    expect(await cba('import', SAMPLE_DIR, '--industry', 'khong-co')).toBe(2);
    expect(cli.err.join('\n')).toContain('unknown industry');
  });
});

describe('cba list, show, remove', () => {
  it('lists, shows the tree indented, and removes', async () => {
    await cba('import', SAMPLE_DIR);
    cli.out = [];
    await cba('list', '--province', 'Hà Nội');
    expect(cli.out.at(-1)).toContain('3/3');
    cli.out = [];
    expect(await cba('show', 'dien-luc-mien-trung-2024')).toBe(0);
    const text = cli.out.join('\n');
    expect(text).toContain('Tổng công ty Điện lực miền Trung');
    expect(text).toContain('PHẦN 1. NHỮNG QUY ĐỊNH CHUNG');
    expect(text).toMatch(/\n {2}Điều 2\. Thời hạn, điều chỉnh, gia hạn Thỏa ước\n/);
    expect(text).toMatch(/\n {4}2\.1 Thỏa ước có thời hạn hai \(02\) năm/);
    expect(await cba('remove', 'dien-luc-mien-trung-2024')).toBe(0);
    expect(await cba('show', 'dien-luc-mien-trung-2024')).toBe(1);
  });

  it('prints usage for an unknown command or a bad option', async () => {
    expect(await cba('frobnicate')).toBe(2);
    expect(await cba('list', '--nope')).toBe(2);
    expect(cli.err.join('\n')).toContain('npm run cba');
  });
});

describe('cba compare, check', () => {
  it('compares a stored agreement with the law on a chosen date, as text or JSON', async () => {
    await cba('import', join(SAMPLE_DIR, 'det-may-phu-hung-2024.md'));
    cli.out = [];
    expect(await cba('compare', 'det-may-phu-hung-2024', '--on', '2026-11-23')).toBe(0);
    const text = cli.out.join('\n');
    expect(text).toContain('[THẤP HƠN LUẬT] Chương III › Điều 9 › khoản 3 › điểm b: 180%');
    expect(text).toContain('Điều 98 khoản 1 điểm b BLLĐ 2019');
    expect(text).toContain('thấp hơn luật 2');
    cli.out = [];
    expect(await cba('compare', 'det-may-phu-hung-2024', '--on', '2025-06-01', '--json')).toBe(0);
    const json = JSON.parse(cli.out.join('')) as { on: string; summary: { below: number } };
    expect(json).toMatchObject({ on: '2025-06-01', summary: { below: 1 } });
  });

  it('checks a draft file without storing it', async () => {
    const draft = join(cli.dir, 'du-thao.txt');
    writeFileSync(draft, 'Điều 1. Nghỉ việc riêng\nCon kết hôn: nghỉ 02 ngày hưởng nguyên lương.\n');
    expect(await cba('check', draft, '--on', '2026-11-23')).toBe(0);
    expect(cli.out.join('\n')).toContain('[CÓ LỢI HƠN] Điều 1: 02 ngày');
    cli.out = [];
    expect(await cba('list', '--json')).toBe(0);
    expect(JSON.parse(cli.out.join('')).total).toBe(0);
  });

  it('reports an unknown agreement, an unreadable file and a bad date', async () => {
    expect(await cba('compare', 'khong-co')).toBe(1);
    expect(await cba('check', join(cli.dir, 'khong-co.txt'))).toBe(1);
    expect(cli.err.join('\n')).toContain('cannot read');
    expect(await cba('compare', 'x', '--on', '2026-02-30')).toBe(2);
    expect(await cba('check', join(cli.dir, 'a.txt'), '--region', 'V')).toBe(2);
  });
});

describe('cba expiring', () => {
  it('prints the agreements expiring within N days or in continuation, most urgent first', async () => {
    await cba('import', SAMPLE_DIR);
    cli.out = [];
    expect(await cba('expiring', '--within', '45', '--on', '2026-11-23')).toBe(0);
    const lines = cli.out.join('\n').split('\n');
    expect(lines[2]).toContain('Hết hạn, đang áp dụng tiếp');
    expect(lines[2]).toContain('Công ty TNHH Giày da Thái Bình Dương');
    expect(lines.filter((l) => l.startsWith('Sắp hết hạn'))).toHaveLength(1);
    expect(cli.out.join('\n')).toContain('Thiếu ngày tháng: 1');
    cli.out = [];
    expect(await cba('expiring', '--district', 'Hoàng Mai', '--on', '2026-11-23', '--json')).toBe(0);
    const json = JSON.parse(cli.out.join('')) as { items: Array<{ id: string }> };
    expect(json.items.map((i) => i.id)).toEqual(['van-tai-xe-buyt-thu-do-2024']);
    expect(await cba('expiring', '--within', 'soon')).toBe(2);
  });
});

describe('cba search, reindex', () => {
  it('searches without diacritics and marks the matched words; rebuilds the index', async () => {
    await cba('import', SAMPLE_DIR);
    cli.out = [];
    expect(await cba('search', 'tien an giua ca', '--industry', 'van tai')).toBe(0);
    expect(cli.out[0]).toContain('Công ty Cổ phần Xe buýt Thủ Đô — Chương III › Điều 10');
    expect(cli.out[0]).toContain('[tiền] [ăn] [giữa] [ca]');
    expect(cli.out.at(-1)).toContain('1/1');
    cli.out = [];
    expect(await cba('search', 'nghỉ hằng năm', '--source', 'law', '--json')).toBe(0);
    expect(JSON.parse(cli.out.join('')).hits[0].path).toMatch(/^Điều 11[34] BLLĐ 2019/);
    cli.out = [];
    expect(await cba('reindex')).toBe(0);
    expect(cli.out.at(-1)).toContain('16 thỏa ước');
    expect(await cba('search', 'x', '--topic', 'nope')).toBe(2);
  });
});

describe('cba grade', () => {
  it('grades and explains, and follows a rubric file given in CBA_RUBRIC', async () => {
    await cba('import', join(SAMPLE_DIR, 'ngan-hang-sao-viet-2025.md'));
    cli.out = [];
    expect(await cba('grade', 'ngan-hang-sao-viet-2025', '--on', '2026-11-23')).toBe(0);
    expect(cli.out[0]).toContain('Loại D (44/100 điểm, ngày 2026-11-23)');
    expect(cli.out[0]).toContain('Thang điểm tạm thời');
    expect(cli.out[0]).toContain('Để nâng loại');
    const lenient = join(cli.dir, 'rubric.json');
    const { RUBRIC } = await import('../../clauses/index.ts');
    writeFileSync(
      lenient,
      JSON.stringify({
        ...RUBRIC,
        version: 'lenient',
        provisional: false,
        thresholds: { A: 40, B: 30, C: 20 },
      }),
    );
    cli.out = [];
    const withRubric = (...argv: string[]) =>
      runCli(argv, {
        stdout: (t) => cli.out.push(t),
        stderr: (t) => cli.err.push(t),
        env: { CBA_DATA_DIR: join(cli.dir, 'data'), CBA_RUBRIC: lenient },
        interactive: false,
      });
    expect(await withRubric('grade', 'ngan-hang-sao-viet-2025', '--on', '2026-11-23', '--json')).toBe(0);
    expect(JSON.parse(cli.out.join(''))).toMatchObject({
      grade: 'A',
      rubric: { version: 'lenient', provisional: false },
    });
    writeFileSync(lenient, JSON.stringify({ ...RUBRIC, thresholds: { A: 10, B: 20, C: 5 } }));
    expect(await withRubric('grade', 'ngan-hang-sao-viet-2025')).toBe(1);
    expect(cli.err.join('\n')).toContain('thresholds must fall A > B > C');
  });
});

describe('cba diff and cba benchmark', () => {
  it('prints what changed between two versions, word by word, with values and verdicts', async () => {
    expect(await cba('import', SAMPLE_DIR)).toBe(0);
    cli.out = [];
    expect(await cba('diff', 'det-may-phu-hung-2021', 'det-may-phu-hung-2024', '--on', '2026-11-23')).toBe(0);
    const text = cli.out.join('\n');
    expect(text).toContain('chuyển chỗ 1');
    expect(text).toContain('↕ chuyển chỗ / moved: Điều 20. Cam kết chung → Điều 3');
    expect(text).toContain('nghỉ hằng năm [-12-] {+14+} ngày làm việc');
    expect(text).toContain(
      '⇒ Nghỉ hằng năm (điều kiện bình thường): 12 ngày làm việc → 14 ngày làm việc: bằng luật → có lợi hơn',
    );
    expect(await cba('diff', 'det-may-phu-hung-2021', 'khong-co')).toBe(1);
    expect(await cba('diff', 'det-may-phu-hung-2021')).toBe(2);
  });

  it('ranks agreements on a topic within an industry, with the best clause', async () => {
    expect(await cba('import', SAMPLE_DIR)).toBe(0);
    cli.out = [];
    expect(await cba('benchmark', 'annual_leave', '--industry', 'dệt may', '--on', '2026-11-23')).toBe(0);
    const text = cli.out.join('\n');
    expect(text).toContain('2 thỏa ước · trung vị / median 13 ngày');
    expect(text).toMatch(/75 %\s+14 ngày\s+Công ty TNHH May mặc Phú Hưng \(det-may-phu-hung-2024\)/);
    expect(text).toContain('Mẫu tốt nhất / best clause: det-may-phu-hung-2024');
    expect(await cba('benchmark', 'khong-co-chu-de')).toBe(2);
    expect(cli.err.at(-1)).toContain('annual_leave');
  });
});

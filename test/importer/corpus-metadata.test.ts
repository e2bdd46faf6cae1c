import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgreementMeta } from '../../clauses/index.ts';
import { importFile } from '../../importer/index.ts';

/**
 * The real agreements of ../shared/corpus (written by others, never copied into the project):
 * their parties, signatories, signing place and date and province, as read by hand.
 * Skipped in a clone without the corpus.
 */
const CORPUS = join(import.meta.dirname, '../../../shared/corpus/docs');
const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => /\.(txt|html|docx)$/.test(f)) : [];

type Expected = Pick<
  AgreementMeta,
  'employer' | 'unionSide' | 'signingPlace' | 'signedOn' | 'province' | 'currentProvince' | 'signatories'
>;

const EXPECTED: Record<string, Expected> = {
  // A company's own agreement: no signing place or date written (only the term), the worker side named by
  // its representative and his title, not by a union's name; the address is in Thành phố Hồ Chí Minh.
  'hesem-2026': {
    employer: 'HESEM ENGINEERING',
    unionSide: undefined,
    signingPlace: undefined,
    signedOn: undefined,
    province: 'Hồ Chí Minh',
    currentProvince: 'Hồ Chí Minh',
    signatories: [
      { side: 'employer', name: 'Võ Ngọc Sanh', title: 'General Manager (EXE-01)' },
      { side: 'workers', name: 'Võ Quốc Đạt', title: 'Chủ tịch Công đoàn' },
    ],
  },
  // A provincial federation's model: every party, name, place and date is a blank; the province is named only
  // by the addressees (Sở Nội vụ, Liên đoàn Lao động tỉnh).
  'tayninh-mau-2025': {
    employer: undefined,
    unionSide: undefined,
    signingPlace: undefined,
    signedOn: undefined,
    province: 'Tây Ninh',
    currentProvince: 'Tây Ninh',
    signatories: [],
  },
};

describe.skipIf(files.length === 0)('metadata of the real agreements in ../shared/corpus', () => {
  it.each(files)('reads the parties, signatories, place, date and province of %s', async (file) => {
    const expected = EXPECTED[file.replace(/\.[a-z]+$/, '')];
    expect(expected, `no expectation written for ${file}`).toBeDefined();
    const { meta, warnings } = await importFile(readFileSync(join(CORPUS, file)), { filename: file });
    for (const field of Object.keys(expected!) as Array<keyof Expected>) {
      expect(meta[field], field).toEqual(expected![field]);
    }
    // What is not given is said to be missing, never guessed.
    const missing = new Set(warnings.filter((w) => w.code === 'metadata_missing').map((w) => w.field));
    for (const field of ['employer', 'unionSide', 'signingPlace', 'signedOn'] as const) {
      if (expected![field] === undefined) expect(missing.has(field), field).toBe(true);
    }
  });
});

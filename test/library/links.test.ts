import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDocument } from '../../importer/index.ts';
import { DATABASE_FILE } from '../../library/index.ts';
import { tempLibrary } from '../helpers.ts';

const agreement = (employer: string, signed: string, replaces = '') => `---
employer: ${employer}
signedOn: ${signed}
---

# Thỏa ước lao động tập thể

## Điều 1. Thời giờ làm việc

Người lao động làm việc 44 giờ một tuần kể từ ngày ${signed}. ${replaces}
`;

let temp: ReturnType<typeof tempLibrary>;
beforeEach(() => {
  temp = tempLibrary();
});
afterEach(() => temp.cleanup());

const add = (name: string, text: string) =>
  temp.library.add(importDocument(Buffer.from(text), { filename: name }), Buffer.from(text));

describe('library.findByLink', () => {
  it('finds agreements by signing day, by the day they say they replace, and by their predecessor', () => {
    const old = add('cu.md', agreement('Công ty TNHH An Khang', '2021-03-01'));
    const next = add(
      'moi.md',
      agreement(
        'Công ty TNHH An Khang',
        '2024-03-05',
        'Thỏa ước này thay thế cho Thỏa ước ký ngày 01/03/2021.',
      ),
    );
    expect(temp.library.findByLink('signedOn', '2021-03-01').map((s) => s.id)).toEqual([old.id]);
    expect(temp.library.findByLink('replacesSignedOn', '2021-03-01').map((s) => s.id)).toEqual([next.id]);
    expect(temp.library.findByLink('predecessorId', old.id)).toEqual([]);
    temp.library.setMeta(next.id, { ...next.meta, predecessorId: old.id });
    expect(temp.library.findByLink('predecessorId', old.id).map((s) => s.id)).toEqual([next.id]);
  });

  it.each([
    ["json_extract(meta_json, '$.replacesSignedOn')", 'agreements_replaces_signed_on'],
    ["json_extract(meta_json, '$.predecessorId')", 'agreements_predecessor'],
    ['signed_on', 'agreements_signed_on'],
  ])('looks %s up by an index, not a scan of the library', (column, index) => {
    add('cu.md', agreement('Công ty TNHH An Khang', '2021-03-01'));
    const db = new Database(join(temp.dir, DATABASE_FILE), { readonly: true });
    try {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT id FROM agreements WHERE ${column} = ?`)
        .all('x') as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join(' ')).toContain(`USING INDEX ${index}`);
    } finally {
      db.close();
    }
  });
});

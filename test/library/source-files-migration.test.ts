import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDocument } from '../../importer/index.ts';
import { contentKey, MIGRATIONS, SqliteLibrary } from '../../library/index.ts';
import { readSample } from '../helpers.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cba-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a library from before several files per agreement', () => {
  it('keeps each original document readable, and recognises its text in another file', () => {
    const file = join(dir, 'library.sqlite');
    const bytes = readSample('nhua-thuan-an-2024.md');
    const draft = importDocument(bytes, { filename: 'nhua-thuan-an-2024.md' });
    // The schema as it was: one blob per agreement in `sources`.
    const old = new BetterSqlite3(file);
    const before = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE source_files'));
    for (const [version, migration] of MIGRATIONS.slice(0, before).entries()) {
      old.exec(migration);
      old.pragma(`user_version = ${version + 1}`);
    }
    old
      .prepare(
        `INSERT INTO agreements (id, sha256, filename, format, media_type, size, search_folded, article_count,
           clause_count, node_count, warning_count, meta_json, tree_json, preamble_json, closing_json, warnings_json, imported_at)
         VALUES ('cu', ?, 'nhua-thuan-an-2024.md', 'markdown', 'text/markdown', ?, '', 1, 1, 1, 0, ?, ?, '[]', '[]', '[]', '2025-01-01T00:00:00.000Z')`,
      )
      .run(draft.source.sha256, bytes.length, JSON.stringify(draft.meta), JSON.stringify(draft.tree));
    old.prepare('INSERT INTO sources (agreement_id, bytes) VALUES (?, ?)').run('cu', Buffer.from(bytes));
    old.close();

    const library = new SqliteLibrary({ file });
    try {
      expect(Buffer.from(library.source('cu')!.bytes).equals(Buffer.from(bytes))).toBe(true);
      expect(library.sources('cu')).toMatchObject([{ filename: 'nhua-thuan-an-2024.md', primary: true }]);
      expect(library.findBySha256(draft.source.sha256)?.id).toBe('cu');
      const copy = importDocument(Buffer.from(`${new TextDecoder().decode(bytes)}\n`), { filename: 'x.md' });
      expect(library.findByContentKey(contentKey(copy.tree))?.id).toBe('cu');
    } finally {
      library.close();
    }
  });
});

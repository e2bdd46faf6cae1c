import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteLibrary } from '../../library/index.ts';
import { createService, type Service } from '../../service/index.ts';
import { addSamples, tempLibrary } from '../helpers.ts';

const MODEL = readFileSync(join(import.meta.dirname, '../../fixtures/models/mau-det-may.md'));

let library: SqliteLibrary;
let cleanup: () => void;
let service: Service;
let tick = 0;

beforeAll(() => {
  ({ library, cleanup } = tempLibrary());
  addSamples(library);
  service = createService({
    library,
    clock: () => '2026-12-01',
    now: () => `2026-12-01T08:00:${String(tick++).padStart(2, '0')}.000Z`,
  });
});
afterAll(() => cleanup());

describe('drafts', () => {
  it('creates a draft from a model with a secret link shown once, and keeps only its hash', async () => {
    const { view, secret } = await service.createDraft(
      MODEL,
      { filename: 'mau-det-may.md', secret: true, industry: 'det-may' },
      { token: false, by: 'Chủ tịch CĐCS' },
    );
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(view.version.version).toBe(1);
    expect(view.check.summary.blanks).toBe(13);
    const row = library.db.prepare('SELECT secret_hash FROM drafts WHERE id = ?').get(view.draft.id) as {
      secret_hash: string;
    };
    expect(row.secret_hash).not.toContain(secret!);
    expect(row.secret_hash).toHaveLength(64);
    expect(() => service.draft(view.draft.id, { token: false, secret: 'wrong' })).toThrow(/No draft/);
    expect(() => service.draft(view.draft.id, { token: false })).toThrow(/No draft/);
    expect(service.draft(view.draft.id, { token: false, secret }).draft.id).toBe(view.draft.id);
  });

  it('refuses to save a draft with neither the write token nor a secret link', async () => {
    await expect(
      service.createDraft(MODEL, { filename: 'mau.md', secret: false }, { token: false }),
    ).rejects.toThrow(/write token/);
  });

  it('edits a clause, re-checks on save and keeps who changed what, when', async () => {
    const { view } = await service.createDraft(MODEL, { filename: 'mau.md', secret: false }, { token: true });
    const meal = view.check.suggestions.find((s) => s.subject === 'meal_allowance')!;
    const node = view.agreement.tree
      .flatMap(function all(n): typeof view.agreement.tree {
        return [n, ...n.children.flatMap(all)];
      })
      .find((n) => n.id === meal.nodeId)!;
    const filled = node.type === 'table' ? '' : node.text.replace('……………', '40.000');
    const edited = service.editDraftClause(
      view.draft.id,
      { nodeId: meal.nodeId, text: filled, base: 1 },
      { token: true, by: 'Nguyễn Thị Hoa' },
    );
    expect(edited.version.version).toBe(2);
    expect(edited.check.summary.blanks).toBe(12);
    expect(
      edited.check.comparison.rows.some((r) => r.subject === 'meal_allowance' && r.measure.value === 40_000),
    ).toBe(true);
    expect(edited.history[0]).toMatchObject({
      version: 2,
      changedBy: 'Nguyễn Thị Hoa',
      changedAt: expect.stringMatching(/^2026-12-01T08:00:/),
      change: expect.stringContaining('40.000'),
    });
    expect(edited.version.content).toContain('Tiền ăn giữa ca: 40.000 đồng/người/ca');
    // A change made on version 1 after version 2 exists is refused, not lost silently.
    expect(() =>
      service.editDraftClause(view.draft.id, { nodeId: meal.nodeId, text: 'x', base: 1 }, { token: true }),
    ).toThrow(/changed elsewhere/);
  });

  it('turns a signed draft into a library agreement through the import', async () => {
    const { view } = await service.createDraft(MODEL, { filename: 'mau.md', secret: true }, { token: true });
    const before = library.counts().agreements;
    await expect(service.signDraft(view.draft.id, { token: false, secret: 'x' })).rejects.toThrow();
    const imported = await service.signDraft(view.draft.id, { token: true });
    expect(library.counts().agreements).toBe(before + 1);
    expect(service.draft(view.draft.id, { token: true }).draft.agreementId).toBe(imported.agreement.id);
  });
});

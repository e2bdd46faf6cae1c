/**
 * Saved drafts: created from an uploaded model or draft (text, Markdown,
 * Word), edited clause by clause or uploaded again, re-checked on every save
 * (with the workbench's suggestions), with their history (who changed what,
 * when); kept with the write token or with the draft's own secret link
 * (32 random bytes, stored as its sha256, shown once); turned into a library
 * agreement when signed, through the service's one import.
 */

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readBlanks } from '../clauses/blanks.ts';
import { compareWithFloors } from '../clauses/compare.ts';
import { toDraftMarkdown, withNodeText } from '../clauses/draft-markdown.ts';
import { ConflictError, NotFoundError, ValidationError } from '../clauses/errors.ts';
import { findNode } from '../clauses/tree.ts';
import type { AgreementDraft } from '../clauses/types.ts';
import { importDocument as importSync } from '../importer/index.ts';
import { type DraftStore, type DraftVersion, SqliteDraftStore, type StoredDraft } from '../library/index.ts';
import { SqliteLibrary } from '../library/sqlite-library.ts';
import type { CheckResult } from './check.ts';
import type { ServiceContext } from './context.ts';
import { type DraftSuggestions, suggestionsFor } from './suggestions.ts';
import { type Imported, importDocument, readDraft } from './writes.ts';

/** The drafts of a library kept in SQLite; other libraries keep none. */
function draftStoreOf(ctx: ServiceContext): DraftStore | undefined {
  return ctx.library instanceof SqliteLibrary ? new SqliteDraftStore(ctx.library.db) : undefined;
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

const draftNotFound = (id: string) =>
  new NotFoundError(
    'draft_not_found',
    `Không có dự thảo "${id}" (hoặc liên kết không đúng).`,
    `No draft "${id}" (or the link is wrong).`,
  );

/** Who is asking: the write token was given, or the draft's secret. */
export interface DraftAccess {
  token: boolean;
  secret?: string | undefined;
  /** Who makes the change, for the history. */
  by?: string | undefined;
}

/** A draft as the workbench shows it: its current text read and checked, with suggestions, and its history. */
export interface DraftView {
  draft: StoredDraft;
  version: DraftVersion;
  history: Array<Omit<DraftVersion, 'content'>>;
  agreement: AgreementDraft;
  check: CheckResult & DraftSuggestions;
}

export interface DraftService {
  /** Creates a draft from a document; with `secret`, a secret link is made and returned once. */
  create(
    bytes: Uint8Array,
    request: {
      filename: string;
      title?: string | undefined;
      industry?: string | undefined;
      province?: string | undefined;
      secret: boolean;
    },
    access: DraftAccess,
  ): Promise<{ view: DraftView; secret?: string }>;
  /** @throws NotFoundError when there is no such draft or the access is wrong */
  view(id: string, access: DraftAccess): DraftView;
  /** Changes one clause's text; `base` is the version the change was made on. */
  editClause(
    id: string,
    edit: { nodeId: string; text: string; base?: number | undefined },
    access: DraftAccess,
  ): DraftView;
  /** Replaces the whole text by a document uploaded again (a Word file back from the employer). */
  upload(id: string, bytes: Uint8Array, filename: string, access: DraftAccess): Promise<DraftView>;
  /** Imports the current text into the library as a signed agreement. */
  sign(id: string, access: DraftAccess): Promise<Imported>;
  /** The current text as Markdown, with the draft's title. */
  markdown(id: string, access: DraftAccess): { title: string; content: string; version: number };
}

/**
 * The drafts operations over a service context.
 * @param now the moment of a change (ISO timestamp), for the history
 */
export function createDraftService(ctx: ServiceContext, now: () => string): DraftService {
  const store = () => {
    const found = draftStoreOf(ctx);
    if (!found)
      throw new ValidationError(
        'drafts_unavailable',
        'Thư viện này không lưu dự thảo.',
        'This library keeps no drafts.',
      );
    return found;
  };

  const authorised = (id: string, access: DraftAccess): StoredDraft => {
    const draft = store().get(id);
    if (!draft) throw draftNotFound(id);
    if (access.token) return draft;
    if (!draft.secretHash || !access.secret) throw draftNotFound(id);
    const given = Buffer.from(hashSecret(access.secret), 'hex');
    const expected = Buffer.from(draft.secretHash, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw draftNotFound(id);
    return draft;
  };

  const read = (content: string): AgreementDraft =>
    importSync(new TextEncoder().encode(content), { filename: 'du-thao.md' });

  /** The check of a draft's text on today's floors, with the suggestions for its blanks and weak clauses. */
  const checkOf = (draft: StoredDraft, agreement: AgreementDraft): CheckResult & DraftSuggestions => {
    const on = ctx.today();
    const comparison = compareWithFloors(agreement, { on });
    const blanks = readBlanks(agreement.tree, { on, meta: agreement.meta });
    const suggestions = suggestionsFor(
      ctx,
      { meta: agreement.meta, comparison, blanks },
      { on, industry: draft.industry, province: draft.province },
    );
    return { draft: agreement, comparison, blanks, ...suggestions };
  };

  const viewOf = (draft: StoredDraft): DraftView => {
    const versions = store().versions(draft.id);
    const version = versions.at(-1)!;
    const agreement = read(version.content);
    return {
      draft,
      version,
      history: versions.map(({ content: _content, ...rest }) => rest).reverse(),
      agreement,
      check: checkOf(draft, agreement),
    };
  };

  const who = (access: DraftAccess) =>
    access.by?.trim().slice(0, 100) || (access.token ? 'cán bộ (mã ghi)' : 'người có liên kết');

  return {
    async create(bytes, request, access) {
      if (!access.token && !request.secret)
        throw new ValidationError(
          'draft_needs_key',
          'Cần mã ghi (CBA_API_TOKEN) hoặc chọn "tạo liên kết bí mật" để lưu dự thảo.',
          'Saving a draft needs the write token or a secret link.',
        );
      const agreement = await readDraft(ctx, bytes, { filename: request.filename });
      const content = toDraftMarkdown(agreement);
      const secret = request.secret ? randomBytes(32).toString('base64url') : undefined;
      const id = `dt-${randomBytes(6).toString('hex')}`;
      const title =
        request.title?.trim() ||
        agreement.meta.title ||
        request.filename.replace(/\.[^.]+$/, '') ||
        'Dự thảo';
      const draft = store().create({
        id,
        title: title.slice(0, 200),
        secretHash: secret ? hashSecret(secret) : undefined,
        industry: request.industry ?? agreement.meta.industry,
        province: request.province ?? agreement.meta.currentProvince ?? agreement.meta.province,
        content,
        by: who(access),
        at: now(),
      });
      return { view: viewOf(draft), ...(secret ? { secret } : {}) };
    },

    view(id, access) {
      return viewOf(authorised(id, access));
    },

    editClause(id, edit, access) {
      const draft = authorised(id, access);
      const current = store().latest(id)!;
      const agreement = read(current.content);
      const node = findNode(agreement.tree, edit.nodeId);
      if (!node || node.type === 'table')
        throw new NotFoundError(
          'clause_not_found',
          `Dự thảo không có điều khoản "${edit.nodeId}".`,
          `The draft has no clause "${edit.nodeId}".`,
        );
      const text = edit.text.replace(/\r\n?/g, '\n').trim();
      if (text === node.text) return viewOf(draft);
      const tree = withNodeText(agreement.tree, edit.nodeId, text)!;
      const content = toDraftMarkdown({ ...agreement, tree });
      const saved = store().addVersion(
        id,
        {
          content,
          changedBy: who(access),
          changedAt: now(),
          change: `${node.path}: «${shorten(node.text)}» → «${shorten(text)}»`,
        },
        edit.base,
      );
      if (saved === undefined) throw staleEdit(store().latest(id)!, edit.base!);
      return viewOf(store().get(id)!);
    },

    async upload(id, bytes, filename, access) {
      authorised(id, access);
      const agreement = await readDraft(ctx, bytes, { filename });
      store().addVersion(id, {
        content: toDraftMarkdown(agreement),
        changedBy: who(access),
        changedAt: now(),
        change: `tải lên bản mới (${filename})`,
      });
      return viewOf(store().get(id)!);
    },

    async sign(id, access) {
      const draft = authorised(id, access);
      if (!access.token)
        throw new ValidationError(
          'sign_needs_token',
          'Đưa dự thảo đã ký vào thư viện cần mã ghi (CBA_API_TOKEN).',
          'Turning a signed draft into a library agreement needs the write token.',
        );
      const current = store().latest(id)!;
      const imported = await importDocument(ctx, new TextEncoder().encode(current.content), {
        filename: `${draft.title.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}.md`,
        overrides: {
          ...(draft.industry ? { industry: draft.industry } : {}),
        },
      });
      store().setAgreement(id, imported.agreement.id);
      store().addVersion(id, {
        content: current.content,
        changedBy: who(access),
        changedAt: now(),
        change: `đã ký — đưa vào thư viện (${imported.agreement.id})`,
      });
      return imported;
    },

    markdown(id, access) {
      const draft = authorised(id, access);
      const current = store().latest(id)!;
      return { title: draft.title, content: current.content, version: current.version };
    },
  };
}

/** "14:05 ngày 01/12/2026" (the history's clock, UTC) from an ISO timestamp. */
function whenOf(iso: string): { vi: string; en: string } {
  const [year, month, day] = iso.slice(0, 10).split('-');
  const time = iso.slice(11, 16);
  return { vi: `${time} ngày ${day}/${month}/${year}`, en: `${time} on ${year}-${month}-${day}` };
}

/**
 * The refusal of an edit made on version `base` while `latest` was saved after it: who saved in between
 * and when, so the chair can compare before saving again.
 */
function staleEdit(latest: DraftVersion, base: number): ConflictError {
  const when = whenOf(latest.changedAt);
  const between = latest.version - base;
  return new ConflictError(
    'draft_changed',
    `Dự thảo vừa được sửa ở nơi khác: ${latest.changedBy} đã lưu lúc ${when.vi} (bản ${latest.version}${between > 1 ? `, ${between} lần lưu` : ''}) sau bản ${base} bạn đang sửa — xem lại điều khoản rồi lưu lại; chữ bạn gõ vẫn còn.`,
    `The draft was changed elsewhere meanwhile: ${latest.changedBy} saved it at ${when.en} (version ${latest.version}${between > 1 ? `, ${between} saves` : ''}) after version ${base} you were editing — check the clause and save again; what you typed is kept.`,
    { savedBy: latest.changedBy, savedAt: latest.changedAt, version: latest.version, base },
  );
}

function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

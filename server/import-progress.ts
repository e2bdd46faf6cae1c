/**
 * Where an import stands while a scan is read page by page: the browser (or
 * an API client) names its import with a random id it makes up, sends it with
 * the upload, and asks `GET /api/imports/:id` for "đang nhận dạng trang 7/24"
 * meanwhile. Kept in memory, a few hundred at most, for a quarter of an hour:
 * a progress line says nothing about the document, only how far its reading is.
 */

import { Hono } from 'hono';
import type { OcrProgress } from '../importer/index.ts';
import { jsonError } from './errors.ts';

/** An import's id as the client makes it up: 16–64 letters, digits, `-` or `_` (a UUID fits). */
const PROGRESS_ID = /^[A-Za-z0-9_-]{16,64}$/;

export interface ImportProgress {
  id: string;
  /** "đang nhận dạng trang 7/24" */
  message: string;
  done: number;
  total: number;
  /** The page of the document being read. */
  page: number;
  /** Set once the import has ended (stored, refused or failed). */
  finished: boolean;
}

export interface ProgressBoard {
  /** Records the page being read for import `id`. */
  tell(id: string, progress: OcrProgress): void;
  /** Marks import `id` as ended. */
  finish(id: string): void;
  get(id: string): ImportProgress | undefined;
}

export interface ProgressBoardOptions {
  /** Most imports remembered; the oldest is forgotten first. */
  maxEntries?: number;
  /** How long an entry is kept after its last news, in milliseconds. */
  keepMs?: number;
  now?: () => number;
}

/** An in-memory board of import progress, bounded in size and age. */
export function createProgressBoard({
  maxEntries = 500,
  keepMs = 15 * 60_000,
  now = Date.now,
}: ProgressBoardOptions = {}): ProgressBoard {
  const entries = new Map<string, ImportProgress & { at: number }>();
  const forgetOld = () => {
    const limit = now() - keepMs;
    for (const [id, entry] of entries) if (entry.at < limit) entries.delete(id);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };
  return {
    tell(id, { message, done, total, page }) {
      if (!PROGRESS_ID.test(id)) return;
      entries.delete(id); // re-inserted last: the map's order is the order of news
      entries.set(id, { id, message, done, total, page, finished: false, at: now() });
      forgetOld();
    },
    finish(id) {
      const entry = entries.get(id);
      if (entry) {
        entry.finished = true;
        entry.at = now();
      }
    },
    get(id) {
      forgetOld();
      const entry = entries.get(id);
      if (!entry) return undefined;
      const { at: _at, ...progress } = entry;
      return progress;
    },
  };
}

/**
 * The progress callback and the end of an import named `id` (none when the client named none), for
 * `service.importDocument`'s `onProgress`.
 */
export function progressOf(
  board: ProgressBoard | undefined,
  id: string | undefined | null,
): { onProgress?: (progress: OcrProgress) => void; finish: () => void } {
  if (!board || !id || !PROGRESS_ID.test(id)) return { finish: () => undefined };
  return { onProgress: (progress) => board.tell(id, progress), finish: () => board.finish(id) };
}

/** `GET /api/imports/:id`: how far the reading of an import is; 404 before its first page (or for a text). */
export function importProgressRoutes({ board }: { board: ProgressBoard }) {
  return new Hono().get('/:id', (c) => {
    const id = c.req.param('id');
    const progress = PROGRESS_ID.test(id) ? board.get(id) : undefined;
    if (!progress)
      return jsonError(
        c,
        404,
        'import_progress_not_found',
        'Chưa có tiến độ cho lần nhập này (chưa bắt đầu nhận dạng, hoặc tài liệu không cần OCR).',
        'No progress for this import yet (OCR has not started, or the document needs none).',
      );
    c.header('Cache-Control', 'no-store');
    return c.json(progress);
  });
}

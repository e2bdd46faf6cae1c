import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { importDocument } from '../importer/index.ts';
import { openLibrary, type SearchQuery, type SqliteLibrary } from '../library/index.ts';

export const SAMPLE_DIR = join(import.meta.dirname, '../fixtures/agreements');

export function sampleFiles(): string[] {
  return readdirSync(SAMPLE_DIR)
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort();
}

export function readSample(file: string): Uint8Array {
  return readFileSync(join(SAMPLE_DIR, file));
}

/** A library in a fresh temporary directory, removed by `cleanup`. */
export function tempLibrary(): { library: SqliteLibrary; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cba-test-'));
  const library = openLibrary(dir);
  return {
    library,
    dir,
    cleanup: () => {
      library.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Imports sample files into a library. */
export function addSamples(library: SqliteLibrary, files = sampleFiles()): void {
  for (const file of files) {
    const bytes = readSample(file);
    library.add(importDocument(bytes, { filename: file }), bytes);
  }
}

/** A search snippet's spans with the matched words in `<mark>`, as the search page shows them. */
export function markedSpans(spans: ReadonlyArray<{ text: string; match: boolean }>): string {
  return spans.map((s) => (s.match ? `<mark>${s.text}</mark>` : s.text)).join('');
}

/** The JSON error of an API answer, checked to carry its status and both messages. */
export async function errorOf(res: Response) {
  const { error } = (await res.json()) as {
    error: { status: number; code: string; message: string; messageEn: string };
  };
  expect(error.status).toBe(res.status);
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.messageEn.length).toBeGreaterThan(0);
  return error;
}

/** A search of the agreements on 23/11/2026, first page of 20, by relevance; `overrides` change any part. */
export function searchQuery(overrides: Partial<SearchQuery> = {}): SearchQuery {
  return {
    q: '',
    filters: {},
    source: 'agreements',
    sort: 'relevance',
    limit: 20,
    offset: 0,
    on: '2026-11-23',
    ...overrides,
  };
}

/** A body of `total` bytes made as it is read, counting what was read. */
export function lazyBody(total: number): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled: () => pulled };
}

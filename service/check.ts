/**
 * The pre-signing check: a draft read and compared with the law on a day.
 * It needs no library (nothing is stored), so the command line runs it
 * without opening one.
 */

import { readBlanks } from '../clauses/blanks.ts';
import { type Comparison, compareWithFloors } from '../clauses/compare.ts';
import type { AgreementDraft, Blank, WageRegion } from '../clauses/types.ts';
import { DEFAULT_MAX_BYTES, type DocumentLimits, importFile, type MetaOverrides } from '../importer/index.ts';

export interface CheckRequest {
  filename: string;
  overrides?: MetaOverrides | undefined;
  /** The day whose floors apply (`YYYY-MM-DD`). */
  on: string;
  region?: WageRegion | undefined;
  /** Largest document accepted (10 MB by default). */
  maxBytes?: number | undefined;
  /** Page and paragraph caps checked before a PDF or Word draft is read in full. */
  limits?: DocumentLimits | undefined;
}

/** A draft read, compared with the law, and its blanks (a model's places to fill, never a verdict). */
export interface CheckResult {
  draft: AgreementDraft;
  comparison: Comparison;
  blanks: Blank[];
}

/**
 * Reads a draft and compares it with the law; nothing is stored.
 * @throws ImportError, UnsupportedFormatError, TooLargeError when the document cannot be read
 */
export async function checkDocument(bytes: Uint8Array, request: CheckRequest): Promise<CheckResult> {
  const draft = await importFile(bytes, {
    filename: request.filename,
    ...(request.overrides ? { overrides: request.overrides } : {}),
    maxBytes: request.maxBytes ?? DEFAULT_MAX_BYTES,
    ...(request.limits ? { limits: request.limits } : {}),
  });
  const comparison = compareWithFloors(draft, {
    on: request.on,
    ...(request.region ? { region: request.region } : {}),
  });
  const blanks = readBlanks(draft.tree, {
    on: request.on,
    meta: draft.meta,
    ...(request.region ? { region: request.region } : {}),
  });
  return { draft, comparison, blanks };
}

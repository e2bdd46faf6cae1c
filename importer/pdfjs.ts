/**
 * pdfjs-dist, loaded once with its worker code in this thread, keeping the
 * engine's own `JSON.stringify` (see native-json.ts). pdfjs in Node runs its
 * "worker" in the same thread and imports `pdf.worker.mjs` on the first
 * document, which would replace `JSON.stringify` again; handing it the worker
 * module up front (`globalThis.pdfjsWorker`) means both are loaded here, and
 * the engine's function is put back after both.
 */

import './native-json.ts'; // before pdfjs-dist: it replaces JSON.stringify
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
// @ts-expect-error pdfjs-dist ships no types for its worker module; only its WorkerMessageHandler is read
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { restoreNativeJson } from './native-json.ts';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
restoreNativeJson();

export const { getDocument, OPS } = pdfjs;
export type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Keeps the engine's own `JSON.stringify`. pdfjs-dist's legacy build bundles
 * core-js, which replaces `JSON.stringify` with a JavaScript version (to offer
 * `JSON.rawJSON`, which Node 20 lacks) that rebuilds the output one character
 * at a time: about 9× slower, for every JSON answer of the server and every
 * JSON column written once a PDF reader is loaded (a 1,500-page check held the
 * event loop 25 s in it). Import this module for its side effect before
 * pdfjs-dist, then call {@link restoreNativeJson}.
 */

const native = JSON.stringify;

/** Puts the engine's `JSON.stringify` back if a polyfill replaced it since this module loaded. */
export function restoreNativeJson(): void {
  if (JSON.stringify !== native) JSON.stringify = native;
}

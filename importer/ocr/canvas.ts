/**
 * The canvas package pdfjs-dist draws on. pdfjs-dist loads its own copy of
 * @napi-rs/canvas (its Path2D and DOMMatrix must come from the same copy as
 * the canvas it paints), so this module loads that very copy: resolved from
 * pdfjs-dist's folder, falling back to the project's own.
 */

import { createRequire } from 'node:module';
import type * as NapiCanvas from '@napi-rs/canvas';

const require = createRequire(import.meta.url);

function load(): typeof NapiCanvas {
  try {
    return createRequire(require.resolve('pdfjs-dist/package.json'))('@napi-rs/canvas') as typeof NapiCanvas;
  } catch {
    return require('@napi-rs/canvas') as typeof NapiCanvas;
  }
}

let loaded: typeof NapiCanvas | undefined;

/** @returns the @napi-rs/canvas module shared with pdfjs-dist (its binary ships inside the npm package) */
export function canvasModule(): typeof NapiCanvas {
  loaded ??= load();
  return loaded;
}

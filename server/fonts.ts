/**
 * The font embedded in PDF reports: DejaVu Sans, shipped by the npm package
 * `dejavu-fonts-ttf` (Bitstream Vera licence with DejaVu changes in the public
 * domain: free to use, copy and distribute, including embedded in documents).
 * It covers Vietnamese; reports embed only the glyphs they use.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ReportFonts } from '../ui/index.ts';

let fonts: ReportFonts | undefined;

/** The regular and bold faces, read once. */
export function reportFonts(): ReportFonts {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    fonts = {
      regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
      bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    };
  }
  return fonts;
}

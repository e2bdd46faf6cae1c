/**
 * Writes scanned copies of our sample agreements' PDFs (fixtures/formats/*.pdf):
 * image-only PDFs at 150 and 300 dpi with noise, a 1–2° turn, a red stamp and
 * a signature over the last page. By default into a temporary folder (they are
 * big); `--out <folder>` to choose, `--pages 1,2` for a few pages, `--dpi 300`.
 *
 * Run: npx tsx scripts/build-scan-fixtures.ts [--out dir] [--dpi 150,300] [--pages 1]
 */

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { toScannedPdf } from './scan-fixture.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(tmpdir(), 'cba-scans') },
    dpi: { type: 'string', default: '150,300' },
    pages: { type: 'string' },
    quality: { type: 'string', default: '80' },
  },
});
const folder = join(import.meta.dirname, '..', 'fixtures', 'formats');
mkdirSync(values.out, { recursive: true });
const pages = values.pages?.split(',').map(Number);
for (const file of readdirSync(folder).filter((f) => f.endsWith('.pdf'))) {
  for (const dpi of values.dpi.split(',').map(Number)) {
    const bytes = await toScannedPdf(readFileSync(join(folder, file)), {
      dpi,
      ...(pages ? { pages } : {}),
      quality: Number(values.quality),
    });
    const target = join(values.out, `${basename(file, '.pdf')}.scan-${dpi}dpi.pdf`);
    writeFileSync(target, bytes);
    console.log(`${target}  ${(bytes.byteLength / 1024).toFixed(0)} KB`);
  }
}

// Run by ocr.test.ts in a child process with the network refused: imports a PNG photo read by OCR (or several, the
// pages of one agreement in order) and prints what it found.
import { readFileSync } from 'node:fs';
import { walkTree } from '../../../clauses/index.ts';
import { importFile, importPhotos } from '../../../importer/index.ts';

const files = process.argv.slice(2);
let fetchRefused = false;
try {
  await fetch('https://cdn.jsdelivr.net/npm/@tesseract.js-data/vie/4.0.0/vie.traineddata.gz');
} catch {
  fetchRefused = true;
}
const draft =
  files.length === 1
    ? await importFile(readFileSync(files[0]!), { filename: 'anh-chup.png' })
    : (
        await importPhotos(
          files.map((f, i) => ({ bytes: readFileSync(f), filename: `anh-${i + 1}.png` })),
          { filename: 'anh-1.png' },
        )
      ).draft;
const headings: string[] = [];
walkTree(draft.tree, (node) => {
  if (node.type === 'article') headings.push(node.heading ?? '');
});
console.log(
  JSON.stringify({
    fetchRefused,
    format: draft.source.format,
    articles: draft.stats.articles,
    headings,
    ocr: draft.warnings.some((w) => w.code === 'scanned_text'),
  }),
);

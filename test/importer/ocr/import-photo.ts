// Run by ocr.test.ts in a child process with the network refused: imports a PNG photo read by OCR and prints what it found.
import { readFileSync } from 'node:fs';
import { walkTree } from '../../../clauses/index.ts';
import { importFile } from '../../../importer/index.ts';

const bytes = readFileSync(process.argv[2]!);
let fetchRefused = false;
try {
  await fetch('https://cdn.jsdelivr.net/npm/@tesseract.js-data/vie/4.0.0/vie.traineddata.gz');
} catch {
  fetchRefused = true;
}
const draft = await importFile(bytes, { filename: 'anh-chup.png' });
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

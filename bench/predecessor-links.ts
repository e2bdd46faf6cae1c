/**
 * What the two-way predecessor link costs (issue 15): an import now looks for stored agreements of
 * the same employer that name it as the agreement they replace (`linkSuccessors`), and an agreement
 * page lists the agreements that replace it (`successorsOf`); both run one library query by the
 * employer's name. First written as a scan by the employer's name (as the one-way link was), then as
 * indexed lookups (`library.findByLink`); both measured, alternately, in one process over the same
 * generated library, beside what the page did already (`agreementView`).
 *
 *   npx tsx bench/predecessor-links.ts [--count 2000] [--rounds 200]
 */

import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { foldText } from '../clauses/text.ts';
import { importDocument } from '../importer/index.ts';
import { eachSummary, openLibrary } from '../library/index.ts';
import { createService } from '../service/index.ts';
import { generateCorpus } from './generate.ts';
import { median } from './import.ts';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '200' } },
});
const count = Number(values.count);
const rounds = Number(values.rounds);
const ON = '2026-11-23';

/** Wall and CPU milliseconds of one call. */
async function measure(run: () => unknown): Promise<[number, number]> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await run();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return [wall, (used.user + used.system) / 1000];
}

const files = generateCorpus(join('bench', 'out', `corpus-${count}`), count);
const library = openLibrary(':memory:');
for (const file of files) {
  const bytes = readFileSync(file);
  library.add(importDocument(bytes, { filename: basename(file) }), bytes);
}
const service = createService({ library, clock: () => ON });
const ids = [...eachSummary(library)].map((s) => s.id);
const load = loadavg()[0]!.toFixed(2);

const foldName = (name: string | undefined) => foldText(name ?? '');
/** Before: the agreements of the same employer found by its name (a scan of the library), then filtered. */
const byEmployer = (employer: string) =>
  [...eachSummary(library, { q: employer })].filter((s) => foldName(s.meta.employer) === foldName(employer));

const steps = {
  view: [] as number[][],
  successorsBefore: [] as number[][],
  successorsAfter: [] as number[][],
  predecessorBefore: [] as number[][],
  predecessorAfter: [] as number[][],
};
for (let round = 0; round <= rounds; round++) {
  const summary = library.get(ids[(round * 7919) % ids.length]!)!;
  const { employer = '', signedOn = '' } = summary.meta;
  service.clearCaches();
  const view = await measure(() => service.agreementView(summary.id, { on: ON }));
  // Old and new alternately, the same agreement: the page's successors, the import's candidate predecessors.
  const successorsBefore = await measure(() =>
    byEmployer(employer).filter((s) => s.meta.predecessorId === summary.id),
  );
  const successorsAfter = await measure(() => service.successors(summary.id));
  const predecessorBefore = await measure(() =>
    byEmployer(employer).filter((s) => s.meta.signedOn === signedOn),
  );
  const predecessorAfter = await measure(() =>
    library.findByLink('signedOn', signedOn).filter((s) => foldName(s.meta.employer) === foldName(employer)),
  );
  if (round === 0) continue; // warm-up
  steps.view.push(view);
  steps.successorsBefore.push(successorsBefore);
  steps.successorsAfter.push(successorsAfter);
  steps.predecessorBefore.push(predecessorBefore);
  steps.predecessorAfter.push(predecessorAfter);
}
library.close();

const ms = (xs: number[][], k: 0 | 1) => median(xs.map((x) => x[k]!)).toFixed(2);
const row = (name: string, xs: number[][]) => console.log(`| ${name} | ${ms(xs, 0)} | ${ms(xs, 1)} |`);
console.log(
  `Library of ${count} generated agreements; load average ${load}; ${rounds} rounds after one warm-up`,
);
console.log('| step | wall ms (median) | CPU ms (median) |');
console.log('|---|---:|---:|');
row('agreement page data (agreementView, comparisons not remembered)', steps.view);
row('successors, by the employer’s name (scan), then filtered', steps.successorsBefore);
row('successors, `findByLink(predecessorId)` (index)', steps.successorsAfter);
row('candidate predecessors, by the employer’s name (scan)', steps.predecessorBefore);
row('candidate predecessors, `findByLink(signedOn)` (index)', steps.predecessorAfter);

/**
 * Relevance benchmark: the sample library in a fresh embedded index, then
 * the judged queries of `bench/relevance-queries.json` (what people type,
 * and the clauses that should be in the first ten hits). Prints recall@10
 * (the share of a query's judged clauses in its first ten hits, out of at
 * most ten) and MRR (the mean of 1 / rank of the first judged clause), for
 * all queries and for each way of writing; `--verbose` lists the misses.
 * A hit finds a judged clause when it is that clause or a part of it (a
 * khoản of a judged Điều), or another version's clause folded into the hit.
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { importDocument } from '../importer/index.ts';
import { openLibrary, type SearchHit } from '../library/index.ts';

const JudgedFile = z.object({
  note: z.string(),
  on: z.string(),
  queries: z
    .array(
      z.object({
        q: z.string().min(1),
        style: z.enum(['formal', 'everyday']),
        relevant: z.array(z.string().regex(/^[a-z0-9-]+#[a-z0-9.-]+$/)).min(1),
      }),
    )
    .min(80),
});

const SAMPLES = join(import.meta.dirname, '..', 'fixtures', 'agreements');

/** Every clause a hit stands for: its own and those of the other versions folded into it. */
const idsOf = (hit: SearchHit) => [
  `${hit.agreementId}#${hit.clauseId}`,
  ...(hit.otherVersions ?? []).map((v) => `${v.agreementId}#${v.clauseId}`),
];

export interface RelevanceFigures {
  queries: number;
  recall: number;
  mrr: number;
}

export async function runRelevanceBench({
  verbose = false,
  literal = false,
}: {
  verbose?: boolean;
  literal?: boolean;
}): Promise<Record<'all' | 'formal' | 'everyday', RelevanceFigures>> {
  const judged = JudgedFile.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, 'relevance-queries.json'), 'utf8')),
  );
  const dir = mkdtempSync(join(tmpdir(), 'cba-relevance-'));
  const library = openLibrary(dir);
  for (const file of readdirSync(SAMPLES).filter((f) => /\.(md|txt)$/.test(f))) {
    const bytes = readFileSync(join(SAMPLES, file));
    library.add(importDocument(bytes, { filename: file }), bytes);
  }
  const known = new Set(
    (
      library.db
        .prepare("SELECT agreement_id, clause_id FROM search_docs WHERE source = 'agreement'")
        .all() as Array<{
        agreement_id: string;
        clause_id: string;
      }>
    ).map((r) => `${r.agreement_id}#${r.clause_id}`),
  );
  const sums = {
    all: { queries: 0, recall: 0, mrr: 0 },
    formal: { queries: 0, recall: 0, mrr: 0 },
    everyday: { queries: 0, recall: 0, mrr: 0 },
  };
  const misses: string[] = [];
  for (const { q, style, relevant } of judged.queries) {
    const unknown = relevant.filter((id) => !known.has(id));
    if (unknown.length) throw new Error(`Judged query "${q}": no such clause ${unknown.join(', ')}`);
    const result = await library.search.search({
      q,
      filters: {},
      source: 'agreements',
      sort: 'relevance',
      limit: 10,
      offset: 0,
      on: judged.on,
      validity: 'all',
      ...(literal ? { literal: true } : { collapseVersions: true }),
    });
    const wanted = new Set(relevant);
    const found = new Set<string>();
    let firstRank = 0;
    const judgedOf = (id: string) => relevant.filter((r) => id === r || id.startsWith(`${r}.`));
    result.hits.forEach((hit, i) => {
      const ids = idsOf(hit).flatMap(judgedOf);
      for (const id of ids) found.add(id);
      if (ids.length && !firstRank) firstRank = i + 1;
    });
    const recall = found.size / Math.min(10, wanted.size);
    const rr = firstRank ? 1 / firstRank : 0;
    for (const key of ['all', style] as const) {
      sums[key].queries++;
      sums[key].recall += Math.min(1, recall);
      sums[key].mrr += rr;
    }
    if (recall < 1)
      misses.push(
        `  ${recall.toFixed(2)}  rr ${rr.toFixed(2)}  "${q}"${result.approximate ? ' (near)' : ''}: missing ${relevant
          .filter((id) => !found.has(id))
          .slice(0, 6)
          .join(', ')}`,
      );
  }
  library.close();
  rmSync(dir, { recursive: true, force: true });
  const figures = Object.fromEntries(
    Object.entries(sums).map(([key, s]) => [
      key,
      { queries: s.queries, recall: s.recall / s.queries, mrr: s.mrr / s.queries },
    ]),
  ) as Record<'all' | 'formal' | 'everyday', RelevanceFigures>;
  console.log(
    `Relevance over the sample library (${judged.queries.length} judged queries, embedded index${literal ? ', words as typed only' : ''}):`,
  );
  console.log('| queries | count | recall@10 | MRR |');
  console.log('|---|---:|---:|---:|');
  for (const [key, f] of Object.entries(figures))
    console.log(`| ${key} | ${f.queries} | ${f.recall.toFixed(3)} | ${f.mrr.toFixed(3)} |`);
  if (verbose && misses.length) console.log(`Queries below full recall:\n${misses.join('\n')}`);
  return figures;
}

/**
 * Starts the server: reads the configuration, opens the library in
 * CBA_DATA_DIR, loads the sample library into an empty one, listens on PORT.
 */

import { serve } from '@hono/node-server';
import { dateInVietnam } from '../clauses/dates.ts';
import { eachAgreementWithEvents, openLibrary, openSearch, readRubricFile } from '../library/index.ts';
import { createService, inProcessReader, readConfig } from '../service/index.ts';
import { createApp } from './app.ts';
import { createParsePool, inProcessReports } from './parse-pool.ts';
import { createRateLimits } from './rate-limits.ts';
import { seedLibrary } from './seed.ts';

// A promise a document reader forgot to handle must not take the service down for every user:
// it is logged, and the request that started it has already been answered or failed on its own.
process.on('unhandledRejection', (reason) => {
  console.error('Unhandled rejection (the server keeps running):', reason);
});

let config: ReturnType<typeof readConfig>;
let rubric: ReturnType<typeof readRubricFile>;
try {
  config = readConfig();
  rubric = readRubricFile(config.rubricFile);
} catch (error) {
  // A configuration mistake is reported in one message, not a stack trace.
  console.error((error as Error).message);
  process.exit(1);
}
const library = openLibrary(config.dataDir);
const search = openSearch(library, config.meili);

let seededCount = 0;
if (config.seed) {
  // Into the library and its embedded index; an external index is filled from the library below.
  const seeded = await seedLibrary(library, config.sampleDir, { on: dateInVietnam(new Date()), rubric });
  seededCount = seeded.imported;
  if (seeded.imported > 0)
    console.log(`Đã nạp ${seeded.imported} thỏa ước mẫu / loaded ${seeded.imported} sample agreements`);
  for (const f of seeded.failed) console.error(`Sample ${f.file} not loaded: ${f.reason}`);
}

if (search !== library.search) {
  // An external index starts empty or may lag behind the library of record: fill it, and say if it cannot be reached.
  const health = await search.health();
  if (!health.ok)
    console.error(
      `Meilisearch ${config.meili.url} does not answer (${health.error}); search answers 503 until it does.`,
    );
  else if (seededCount > 0 || !health.documents) {
    const report = await search.rebuild(eachAgreementWithEvents(library));
    console.log(`Meilisearch: indexed ${report.agreements} agreements, ${report.documents} clauses`);
  }
}

// Documents are read, checked and drawn as reports in worker threads, each within a time and memory limit
// (CBA_PARSE_WORKERS=0 reads them on the event loop, as before the pool: for `npm run bench -- hostile` only).
const pool = createParsePool({
  ...(config.parse.workers ? { workers: config.parse.workers } : {}),
  timeoutMs: config.parse.timeoutMs,
  scanTimeoutMs: config.parse.scanTimeoutMs,
  memoryMb: config.parse.memoryMb,
  maxQueue: config.parse.maxQueue,
});
const service = createService({
  library,
  search,
  rubric,
  maxUploadBytes: config.maxUploadBytes,
  defaultVisibility: config.defaultVisibility,
  reader: config.parse.workers === 0 ? inProcessReader : pool,
  documentLimits: config.documentLimits,
});
const app = createApp({
  library,
  search,
  rubric,
  service,
  apiToken: config.apiToken,
  defaultVisibility: config.defaultVisibility,
  maxUploadBytes: config.maxUploadBytes,
  publicUrl: config.publicUrl,
  reports: config.parse.workers === 0 ? inProcessReports : pool,
  limits: createRateLimits(config.limits),
  ...(config.parse.workers === 0 ? {} : { parseQueue: pool }),
});
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const counts = library.counts();
  console.log(
    `Thư viện Thỏa ước: ${config.publicUrl} (listening on ${config.host}:${info.port}) — ${counts.agreements} agreements, backend ${library.backend}, search ${search.backend}, writes ${config.apiToken ? 'enabled' : 'disabled (set CBA_API_TOKEN)'}`,
  );
});

// Today's comparisons with the law, computed while the server already answers (and again when the
// day changes): library-wide requests (below the floor, benchmarks, grades) then need not compare
// every agreement first.
const warming = new AbortController();
let warmedOn = '';
function warmToday() {
  const on = dateInVietnam(new Date());
  if (on === warmedOn) return;
  warmedOn = on;
  service
    .warmComparisons(on, warming.signal)
    .catch((error: unknown) => console.error('Comparing the library ahead of requests stopped:', error));
}
warmToday();
setInterval(warmToday, 10 * 60 * 1000).unref();

function shutdown() {
  warming.abort();
  server.close(() => {
    library.close();
    void pool.close().finally(() => process.exit(0));
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

/**
 * Starts the server: reads the configuration, opens the library in
 * CBA_DATA_DIR, loads the sample library into an empty one, listens on PORT.
 */

import { serve } from '@hono/node-server';
import { openLibrary } from '../library/index.ts';
import { createApp } from './app.ts';
import { readConfig } from './env.ts';
import { seedLibrary } from './seed.ts';

const config = readConfig();
const library = openLibrary(config.dataDir);

if (config.seed) {
  const seeded = seedLibrary(library, config.sampleDir);
  if (seeded.imported > 0)
    console.log(`Đã nạp ${seeded.imported} thỏa ước mẫu / loaded ${seeded.imported} sample agreements`);
  for (const f of seeded.failed) console.error(`Sample ${f.file} not loaded: ${f.reason}`);
}

const app = createApp({ library, apiToken: config.apiToken, maxUploadBytes: config.maxUploadBytes });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const counts = library.counts();
  console.log(
    `Thư viện Thỏa ước: http://localhost:${info.port} — ${counts.agreements} agreements, backend ${library.backend}, writes ${config.apiToken ? 'enabled' : 'disabled (set CBA_API_TOKEN)'}`,
  );
});

function shutdown() {
  server.close(() => {
    library.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

/**
 * The first benchmark and N-way request after a write, A/B in one process: the tables put together from
 * each agreement's kept cells (now) and built afresh from every agreement's rows (before), alternately,
 * each after its own write (an officer's answer, or a province edited back and forth). The two are two
 * services over the one library (`keptTables: false` for before); the writes go through the first, and the
 * other notices them from the library's change log as it would another process's.
 *
 * npx tsx bench/tables-after-write.ts <library dir> [rounds]
 */

import { loadavg } from 'node:os';
import { openLibrary } from '../library/index.ts';
import { createApp } from '../server/app.ts';
import { createService } from '../service/index.ts';
import { BENCH_DAY } from './build-library.ts';
import { median } from './import.ts';

const [dir, roundsArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: tables-after-write.ts <library dir> [rounds]');
const rounds = Number(roundsArg ?? 4);
const day = BENCH_DAY;
const library = openLibrary(dir);
const service = createService({ library, clock: () => day });
const apps = {
  now: createApp({ library, today: () => day, service }),
  before: createApp({
    library,
    today: () => day,
    service: createService({ library, clock: () => day, keptTables: false }),
  }),
};
const urls = [
  `/api/benchmarks?topic=meal&on=${day}`,
  `/api/compare?industry=det-may&topic=meal,overtime&on=${day}`,
];

async function timed(variant: keyof typeof apps, url: string): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const response = await apps[variant].request(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  await response.arrayBuffer();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const stale = service.storedVerdicts();
const refreshed = await service.refreshVerdicts();
console.log(
  `${dir}: ${library.counts().agreements.toLocaleString('en')} agreements, stored verdicts fresh ${stale.fresh} of ${stale.agreements} at open (${refreshed} refreshed); load average ${load()}`,
);
for (const variant of ['now', 'before'] as const) for (const url of urls) await timed(variant, url);
const all = service.summaries({});
const someone = all[0]!;
const other = all[1]!;
const province = other.meta.province;
let write = 0;
const results = new Map<string, Array<{ wall: number; cpu: number }>>();
for (let round = 0; round < rounds; round++)
  for (const variant of round % 2 ? (['before', 'now'] as const) : (['now', 'before'] as const))
    for (const url of urls) {
      write++;
      if (write % 2)
        await service.saveAnswers(someone.id, {
          answeredBy: 'bench',
          answers: { published: write % 4 === 1 },
        });
      else
        await service.editMetadata(other.id, {
          set: { province: write % 4 === 0 ? (province ?? 'Hà Nội') : 'Điện Biên' },
          by: 'bench',
        });
      const key = `${variant} ${url}`;
      results.set(key, [...(results.get(key) ?? []), await timed(variant, url)]);
    }
console.log('| request | first after a write, before: ms wall (CPU) | now | before ÷ now (CPU) |');
console.log('|---|---|---|---|');
for (const url of urls) {
  const of = (variant: string) => {
    const list = results.get(`${variant} ${url}`) ?? [];
    return { wall: median(list.map((t) => t.wall)), cpu: median(list.map((t) => t.cpu)) };
  };
  const before = of('before');
  const now = of('now');
  console.log(
    `| \`${url.replace(/on=[0-9-]+/, 'on=…')}\` | ${before.wall.toFixed(0)} (${before.cpu.toFixed(0)}) | ${now.wall.toFixed(0)} (${now.cpu.toFixed(0)}) | ${(before.cpu / now.cpu).toFixed(1)}× |`,
  );
}
console.log(
  `medians of ${rounds} each; load average ${load()}; resident ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
);
library.close();

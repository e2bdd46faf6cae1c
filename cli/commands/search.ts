/** `cba search`: clauses (and the law), with or without diacritics; `cba reindex`: rebuild the index. */

import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { resolveIndustry } from '../../clauses/industries.ts';
import { resolveProvince } from '../../clauses/provinces.ts';
import { getTopic } from '../../clauses/topics.ts';
import { collect, type Runner, usageError } from '../context.ts';
import { formatSearchResult } from '../format-search.ts';

interface SearchOptions {
  includeExpired: boolean;
  literal: boolean;
  industry: string[];
  province: string[];
  topic: string[];
  source: string;
  limit: string;
  json: boolean;
}

export function searchCommand(run: Runner): Command {
  return new Command('search')
    .argument('[words...]')
    .option('--industry <ngành>', '', collect, [])
    .option('--province <tỉnh>', '', collect, [])
    .option('--topic <chủ đề>', '', collect, [])
    .option('--source <agreements|law|all>', '', 'agreements')
    .option('--limit <N>', '', '10')
    .option('--json', '', false)
    .option('--include-expired', '', false)
    .option('--literal', '', false)
    .action(
      run(async ({ io, open }, words: string[], options: SearchOptions) => {
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100)
          return usageError(io, '--limit phải từ 1 đến 100.');
        if (!['agreements', 'law', 'all'].includes(options.source))
          return usageError(io, '--source: agreements, law hoặc all.');
        const industries = options.industry.map((v) => ({ v, id: resolveIndustry(v)?.id }));
        const provinces = options.province.map((v) => ({ v, name: resolveProvince(v)?.name }));
        const unknownTopic = options.topic.find((t) => !getTopic(t));
        const bad = industries.find((i) => !i.id)?.v ?? provinces.find((p) => !p.name)?.v ?? unknownTopic;
        if (bad) return usageError(io, `Không biết "${bad}" / unknown "${bad}".`);
        const result = await open().service.search({
          q: words.join(' '),
          filters: {
            ...(industries.length ? { industry: industries.map((i) => i.id ?? '') } : {}),
            ...(provinces.length ? { province: provinces.map((p) => p.name ?? '') } : {}),
            ...(options.topic.length ? { topic: options.topic } : {}),
          },
          source: options.source as 'agreements' | 'law' | 'all',
          sort: 'relevance',
          limit,
          offset: 0,
          validity: options.includeExpired ? 'all' : 'current',
          collapseVersions: true,
          ...(options.literal ? { literal: true } : {}),
        });
        if (options.json) io.stdout(JSON.stringify(result, null, 2));
        else for (const line of formatSearchResult(result)) io.stdout(line);
        return 0;
      }),
    );
}

export function reindexCommand(run: Runner): Command {
  return new Command('reindex')
    .allowExcessArguments()
    .allowUnknownOption()
    .action(
      run(async ({ io, open }) => {
        const { service, library } = open();
        const total = library.counts().agreements;
        const bar =
          io.interactive && total > 20
            ? new cliProgress.SingleBar({}, cliProgress.Presets.shades_classic)
            : undefined;
        bar?.start(total, 0);
        const report = await service.reindex((done) => bar?.update(done));
        bar?.stop();
        io.stdout(
          `Đã dựng lại chỉ mục ${service.searchBackend()}: ${report.agreements} thỏa ước, ${report.documents} điều khoản / rebuilt`,
        );
        return 0;
      }),
    );
}

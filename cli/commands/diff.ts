/** `cba diff <old> <new>`: two versions compared article by article; `cba benchmark`: a topic across agreements. */

import { Command } from 'commander';
import { resolveIndustry } from '../../clauses/industries.ts';
import { resolveProvince } from '../../clauses/provinces.ts';
import { getTopic, TOPICS } from '../../clauses/topics.ts';
import { dayOption, type Runner, usageError } from '../context.ts';
import { formatBenchmark, formatVersionDiff } from '../format-versions.ts';

export function diffCommand(run: Runner): Command {
  return new Command('diff')
    .argument('[from]')
    .argument('[to]')
    .option('--on <YYYY-MM-DD>')
    .option('--all', '', false)
    .option('--json', '', false)
    .allowExcessArguments()
    .action(
      run(
        (
          { io, open },
          fromId: string | undefined,
          toId: string | undefined,
          options: { on?: string; all: boolean; json: boolean },
        ) => {
          if (!fromId || !toId) return usageError(io, 'Cần hai mã thỏa ước / two ids needed.');
          const on = dayOption(options.on);
          const result = open().service.versions(fromId, toId, on);
          io.stdout(options.json ? JSON.stringify(result, null, 2) : formatVersionDiff(result, options.all));
          return 0;
        },
      ),
    );
}

interface BenchmarkOptions {
  industry?: string;
  province?: string;
  on?: string;
  json: boolean;
}

export function benchmarkCommand(run: Runner): Command {
  const topicList = () => `Chủ đề / topics: ${TOPICS.map((t) => t.id).join(', ')}`;
  return new Command('benchmark')
    .argument('[topics...]')
    .option('--industry <ngành>')
    .option('--province <tỉnh>')
    .option('--on <YYYY-MM-DD>')
    .option('--json', '', false)
    .action(
      run(({ io, open }, given: string[], options: BenchmarkOptions) => {
        const topics = given.flatMap((p) => p.split(','));
        if (topics.length === 0) return usageError(io, `Thiếu chủ đề / no topic. ${topicList()}`);
        const unknown = topics.filter((t) => !getTopic(t));
        if (unknown.length)
          return usageError(io, `Không có chủ đề / unknown topic: ${unknown.join(', ')}. ${topicList()}`);
        const on = dayOption(options.on);
        const industry = options.industry ? resolveIndustry(options.industry)?.id : undefined;
        if (options.industry && !industry)
          return usageError(io, `--industry: không biết / unknown "${options.industry}".`);
        const province = options.province ? resolveProvince(options.province)?.name : undefined;
        if (options.province && !province)
          return usageError(io, `--province: không biết / unknown "${options.province}".`);
        const { table } = open().service.benchmarks({ filter: { industry, province }, topics, on });
        const result = { on, ...table };
        io.stdout(options.json ? JSON.stringify(result, null, 2) : formatBenchmark(result));
        return 0;
      }),
    );
}

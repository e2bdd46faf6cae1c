import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { runCli } from '../../cli/index.ts';

/** One test's command line: its own data folder, and what it printed. */
export interface CliHarness {
  dir: string;
  out: string[];
  err: string[];
  /** Runs `cba …argv` on the test's data folder; `stdin` is what it reads from standard input. */
  cba: (...argv: string[]) => Promise<number>;
  cbaWithInput: (stdin: string, ...argv: string[]) => Promise<number>;
}

/** A fresh data folder and empty output before each test of the file, removed after. */
export function cliHarness(): CliHarness {
  const run = (argv: string[], stdin?: string) =>
    runCli(argv, {
      stdout: (t) => h.out.push(t),
      stderr: (t) => h.err.push(t),
      env: { CBA_DATA_DIR: join(h.dir, 'data') },
      interactive: false,
      ...(stdin === undefined ? {} : { readStdin: async () => stdin }),
    });
  const h: CliHarness = {
    dir: '',
    out: [],
    err: [],
    cba: (...argv) => run(argv),
    cbaWithInput: (stdin, ...argv) => run(argv, stdin),
  };
  beforeEach(() => {
    h.dir = mkdtempSync(join(tmpdir(), 'cba-cli-'));
    h.out = [];
    h.err = [];
  });
  afterEach(() => rmSync(h.dir, { recursive: true, force: true }));
  return h;
}

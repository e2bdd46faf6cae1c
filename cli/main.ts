/**
 * `npm run cba -- <command>`: the command-line entry point.
 */

import { runCli } from './program.ts';

const code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(`${t}\n`),
  stderr: (t) => process.stderr.write(`${t}\n`),
  env: process.env,
  interactive: process.stderr.isTTY === true,
});
process.exitCode = code;

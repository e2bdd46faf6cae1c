/**
 * The `cba` command line. Entry point: {@link runCli}; `main.ts` wires it to the process.
 */

export { type CliIo, runCli } from './run.ts';

/**
 * The `cba` command line. Entry point: {@link runCli}; `main.ts` wires it to the process,
 * `program.ts` holds the commands (one file each under `commands/`).
 */

export type { CliIo } from './context.ts';
export { runCli } from './program.ts';

/**
 * The `cba` command line on commander: one file per command under
 * `commands/`, each over the service. A second composition root beside the server.
 */

import { Command, CommanderError } from 'commander';
import { CbaError } from '../clauses/errors.ts';
import { checkCommand, compareCommand } from './commands/compare.ts';
import { benchmarkCommand, diffCommand } from './commands/diff.ts';
import { expiringCommand } from './commands/expiring.ts';
import { gradeCommand } from './commands/grade.ts';
import { importCommand } from './commands/import.ts';
import { listCommand } from './commands/list.ts';
import { metaCommand } from './commands/meta.ts';
import { reindexCommand, searchCommand } from './commands/search.ts';
import { removeCommand, showCommand } from './commands/show.ts';
import { userCommand } from './commands/user.ts';
import {
  type CliIo,
  type CommandContext,
  commandContext,
  type Runner,
  USAGE,
  UsageError,
  usageError,
} from './context.ts';

const COMMANDS = [
  userCommand,
  importCommand,
  listCommand,
  showCommand,
  removeCommand,
  metaCommand,
  compareCommand,
  checkCommand,
  expiringCommand,
  searchCommand,
  reindexCommand,
  gradeCommand,
  diffCommand,
  benchmarkCommand,
];

/** The program, its output and errors handed back to the caller rather than printed and exited on. */
function program(context: CommandContext, setCode: (code: number) => void): Command {
  const run: Runner =
    (work) =>
    async (...args) => {
      setCode(await work(context, ...args));
    };
  // Commander's errors come back as exceptions, reported with the usage text like every other mistake.
  const quiet = (command: Command) =>
    command
      .exitOverride()
      .helpOption(false)
      .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });
  const root = quiet(new Command('cba')).helpCommand(false);
  for (const command of COMMANDS) {
    const made = quiet(command(run));
    // Subcommands (`user add`…) report their mistakes the same way.
    for (const sub of made.commands) quiet(sub);
    root.addCommand(made);
  }
  return root;
}

/**
 * Runs one command.
 * @returns the process exit code: 0 success, 1 some files failed or not found, 2 usage error
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return command ? 0 : 2;
  }
  let opened: ReturnType<typeof commandContext>;
  try {
    opened = commandContext(io);
  } catch (error) {
    // The same configuration reader as the server: one message naming every invalid variable.
    io.stderr((error as Error).message);
    return 1;
  }
  let code = 0;
  try {
    await program(opened.context, (c) => {
      code = c;
    }).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error.message);
    if (error instanceof CommanderError) {
      const message =
        error.code === 'commander.unknownCommand'
          ? `Lệnh không rõ / unknown command "${command}".`
          : error.message;
      return usageError(io, message);
    }
    if (error instanceof CbaError) {
      io.stderr(`${error.messageVi}\n${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    opened.close();
  }
}

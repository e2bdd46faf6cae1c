/**
 * `cba user add|list|disable|enable|key`: accounts, from the machine that holds the library
 * (the command line acts as an administrator; each change is in the audit log).
 */

import { Command } from 'commander';
import { ROLES, type Role } from '../../library/index.ts';
import { CLI_ACTOR } from '../../service/index.ts';
import { type CliIo, collect, type Runner, usageError } from '../context.ts';

/** The password piped in (`--password-stdin`): its first line. */
async function readPassword(io: CliIo): Promise<string> {
  const text = io.readStdin
    ? await io.readStdin()
    : await new Promise<string>((resolve, reject) => {
        let data = '';
        process.stdin.setEncoding('utf8');
        process.stdin.on('data', (chunk) => {
          data += chunk;
        });
        process.stdin.on('end', () => resolve(data));
        process.stdin.on('error', reject);
      });
  return text.split(/\r?\n/)[0] ?? '';
}

export function userCommand(run: Runner): Command {
  const user = new Command('user');
  user
    .command('add')
    .argument('<username>')
    .option('--role <role>', '', 'reader')
    .option('--name <display name>')
    .option('--province <province>', '', collect)
    .option('--union <union or district>', '', collect)
    .option('--agreement <id>', '', collect)
    .option('--password-stdin', '', false)
    .option('--json', '', false)
    .action(
      run(
        async (
          { io, open },
          username: string,
          options: {
            role: string;
            name?: string;
            province?: string[];
            union?: string[];
            agreement?: string[];
            passwordStdin: boolean;
            json: boolean;
          },
        ) => {
          if (!ROLES.includes(options.role as Role))
            return usageError(io, `Vai trò phải là một trong / role must be one of: ${ROLES.join(', ')}`);
          const password = options.passwordStdin ? await readPassword(io) : undefined;
          const { service } = open();
          const added = await service.addUser(
            {
              username,
              displayName: options.name,
              role: options.role as Role,
              provinces: options.province,
              unions: options.union,
              agreements: options.agreement,
              password,
            },
            CLI_ACTOR,
          );
          io.stdout(
            options.json
              ? JSON.stringify(added, null, 2)
              : `Đã thêm / added ${added.username} (${added.role})${password ? '' : ' — chưa có mật khẩu, dùng "user key" / no password: use "user key"'}`,
          );
          return 0;
        },
      ),
    );
  user
    .command('list')
    .option('--json', '', false)
    .action(
      run(async ({ io, open }, options: { json: boolean }) => {
        const users = open().service.users();
        io.stdout(
          options.json
            ? JSON.stringify(users, null, 2)
            : users
                .map(
                  (u) =>
                    `${u.username}\t${u.role}\t${[...u.provinces, ...u.unions].join(', ') || '—'}${u.disabled ? '\t(đã khóa / disabled)' : ''}`,
                )
                .join('\n') || 'Chưa có người dùng / no users.',
        );
        return 0;
      }),
    );
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(name)
      .argument('<username>')
      .action(
        run(async ({ io, open }, username: string) => {
          const changed = open().service.setUserDisabled(username, disabled, CLI_ACTOR);
          io.stdout(`${changed.username}: ${disabled ? 'đã khóa / disabled' : 'đã mở / enabled'}`);
          return 0;
        }),
      );
  }
  user
    .command('key')
    .argument('<username>')
    .option('--label <label>', '', 'dòng lệnh')
    .action(
      run(async ({ io, open }, username: string, options: { label: string }) => {
        const key = open().service.createApiKey(username, options.label, CLI_ACTOR);
        // Printed once: only its digest is kept.
        io.stdout(key);
        return 0;
      }),
    );
  return user;
}

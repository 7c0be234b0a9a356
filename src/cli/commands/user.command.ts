import { Option, type Command } from 'commander';
import type { IssuedCredentials } from '../../services/users.service';
import { CONSOLE_ROLES, type ConsoleRole } from '../../store/tables/console.tables';
import { commandLineActor } from '../command-line-actor';
import { runCommand } from '../run-command';
import { withApp } from '../with-app';

/** `dauys user create|reset|list`: console accounts from the command line (the first admin). */
export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('console accounts');
  user
    .command('create')
    .description('create a console user; prints a one-time password and the TOTP enrolment URI, once')
    .addOption(
      new Option('--role <role>', 'what the user may do').choices(CONSOLE_ROLES).makeOptionMandatory(),
    )
    .requiredOption('--email <email>', 'the login name')
    .action(
      runCommand(async (options: { role: ConsoleRole; email: string }) => {
        await withApp(['console'], async ({ console }) => {
          printCredentials(await console.users.create(commandLineActor(), options));
        });
      }),
    );
  user
    .command('reset')
    .description(
      'issue a new one-time password and TOTP key (lost phone, locked-out admin); ends their sessions',
    )
    .requiredOption('--email <email>', 'the login name')
    .action(
      runCommand(async (options: { email: string }) => {
        await withApp(['console'], async ({ console }) => {
          printCredentials(
            await console.users.resetCredentials(commandLineActor(), { email: options.email }),
          );
        });
      }),
    );
  user
    .command('list')
    .description('list console users')
    .action(
      runCommand(async () => {
        await withApp(['console'], async ({ console }) => {
          for (const u of await console.users.list()) {
            process.stdout.write(`${u.id}\t${u.email}\t${u.role}${u.disabled ? '\tdisabled' : ''}\n`);
          }
        });
      }),
    );
}

function printCredentials({ user, oneTimePassword, totpUri }: IssuedCredentials): void {
  // The only place these are ever shown: stdout of the operator who ran the command.
  process.stdout.write(
    `user ${user.email} (${user.role}), id ${user.id}\n` +
      `one-time password: ${oneTimePassword}\n` +
      `TOTP enrolment URI (add it to an authenticator app): ${totpUri}\n` +
      'The password must be changed at first sign-in. Neither is shown again.\n',
  );
}

import type { Command } from 'commander';
import { commandLineActor } from '../command-line-actor';
import { runCommand } from '../run-command';
import { withApp } from '../with-app';

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * `dauys invite create|revoke|list`: observers never self-register; a coordinator hands each one
 * an invite for their precincts. The code is printed once (only its digest is stored).
 */
export function registerInviteCommand(program: Command): void {
  const invite = program.command('invite').description('observer invites: the only way observers join');
  invite
    .command('create')
    .description('create a single-use invite for one observer and print its code and Telegram deep link')
    .requiredOption('--election <slug>', 'election slug')
    .requiredOption('--precinct <code>', 'precinct code (repeat for several precincts)', collect, [])
    .option('--contact <text>', "the observer's name and phone, for coordinators (stored encrypted)")
    .action(
      runCommand(async (options: { election: string; precinct: string[]; contact?: string }) => {
        await withApp(['invites'], async ({ invites }) => {
          const created = await invites.create(commandLineActor(), options.election, options.precinct, {
            ...(options.contact ? { contact: options.contact } : {}),
          });
          process.stdout.write(
            `invite #${created.id} for ${created.precinctCodes.join(', ')} in ${created.electionSlug}\n`,
          );
          process.stdout.write(`code: ${created.code}\n`);
          process.stdout.write(
            created.telegramLink
              ? `link: ${created.telegramLink}\n`
              : 'link: set TELEGRAM_OBSERVER_USERNAME (or bots.observerTelegram in the election file) for a t.me link; the observer can send /start <code>\n',
          );
        });
      }),
    );
  invite
    .command('revoke')
    .description("revoke an invite (by its code or #id); the observer loses the invite's precincts")
    .argument('<code>', 'the invite code, or #<id> from `dauys invite list`')
    .action(
      runCommand(async (code: string) => {
        await withApp(['invites'], async ({ invites }) => {
          const revoked = await invites.revoke(commandLineActor(), code);
          process.stdout.write(`revoked invite #${revoked.id} (${revoked.precinctCodes.join(', ')})\n`);
        });
      }),
    );
  invite
    .command('list')
    .description('list invites: id, election, precincts, status (codes are never shown again)')
    .option('--election <slug>', 'only this election')
    .action(
      runCommand(async (options: { election?: string }) => {
        await withApp(['invites'], async ({ invites }) => {
          for (const row of await invites.list(options.election)) {
            process.stdout.write(
              `#${row.id}\t${row.electionSlug}\t${row.precinctCodes.join(',')}\t${row.status}\t${row.createdAt.toISOString()}\n`,
            );
          }
        });
      }),
    );
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { PACKAGE_ROOT } from '../shared/package-root';
import { commandRegistrations } from './commands/index';

// Read from package.json at run time so a release never prints a stale, hand-copied version.
const { version } = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

const program = new Command('dauys')
  .description(
    'Dauys: independent election monitoring — voter bot, observer bot, console, dashboard, analysis.',
  )
  .version(version, '-V, --version', 'print the version of dauys')
  .showHelpAfterError()
  .exitOverride();

for (const registerCommand of commandRegistrations) registerCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Usage errors are bad input (exit 2); --help and --version exit 0.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    throw error;
  }
}

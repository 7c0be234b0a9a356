import { Command, CommanderError } from 'commander';
import { commandRegistrations } from './commands/index';

const program = new Command('dauys')
  .description(
    'Dauys: independent election monitoring — voter bot, observer bot, console, dashboard, analysis.',
  )
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

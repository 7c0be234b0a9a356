import type { Command } from 'commander';
import { registerAnalyzeCommand } from './analyze.command';
import { registerElectionCommand } from './election.command';
import { registerImportCommand } from './import.command';
import { registerMigrateCommand } from './migrate.command';
import { registerStartCommand } from './start.command';

/** Every CLI command registers itself on the program; add new commands to this list. */
export type RegisterCommand = (program: Command) => void;

export const commandRegistrations: RegisterCommand[] = [
  registerStartCommand,
  registerMigrateCommand,
  registerElectionCommand,
  registerImportCommand,
  registerAnalyzeCommand,
];

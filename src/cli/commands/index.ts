import type { Command } from 'commander';
import { registerBackupCommands } from './backup.command';
import { registerAnalyzeCommand } from './analyze.command';
import { registerAuditCommand } from './audit.command';
import { registerElectionCommand } from './election.command';
import { registerImportCommand } from './import.command';
import { registerMigrateCommand } from './migrate.command';
import { registerStartCommand } from './start.command';
import { registerExportCommand } from './export.command';
import { registerPurgeCommand } from './purge.command';
import { registerVerifyCommand } from './verify.command';
import { registerUserCommand } from './user.command';
import { registerInviteCommand } from './invite.command';
import { registerSimulateCommand } from './simulate.command';
import { registerSnapshotCommand } from './snapshot.command';

/** Every CLI command registers itself on the program; add new commands to this list. */
export type RegisterCommand = (program: Command) => void;

export const commandRegistrations: RegisterCommand[] = [
  registerStartCommand,
  registerMigrateCommand,
  registerElectionCommand,
  registerImportCommand,
  registerBackupCommands,
  registerAnalyzeCommand,
  registerVerifyCommand,
  registerExportCommand,
  registerPurgeCommand,
  registerUserCommand,
  registerAuditCommand,
  registerInviteCommand,
  registerSimulateCommand,
  registerSnapshotCommand,
];

/**
 * Every `dauys` command, by what it does to data. The audited ones are driven for real by
 * test/e2e/cli-audit.test.ts, which checks it drove exactly this list; the unit test
 * test/unit/architecture/cli-commands.test.ts fails when a command is in no list, so a new
 * command that writes cannot ship unaudited by omission.
 */
export const CLI_COMMANDS = {
  /** Change data for a person (the operator): one audit entry each, naming the command line. */
  audited: [
    'election load',
    'import geography',
    'import official',
    'import stations',
    'invite create',
    'invite revoke',
    'purge',
    'user create',
    'user reset',
  ],
  /** Read only. */
  reads: [
    'analyze',
    'audit verify',
    'election list',
    'export',
    'invite list',
    'snapshot',
    'user list',
    'verify',
  ],
  /** Write, but not one person's change of the data, and why they are not audited entries. */
  operations: {
    start: 'runs the server; its console routes are audited one by one (audit-completeness.test.ts)',
    migrate: 'changes the schema, not anyone’s data; the migration table records what ran',
    backup: 'reads the database into a file',
    restore:
      'replaces a whole empty database with a backup, its audit log included: the log is the backed-up one, verifiable with `dauys audit verify`',
    simulate:
      'plays simulated participants through the channels, as voters write; participants are pseudonyms, and their trail is the inbox',
  },
} as const;

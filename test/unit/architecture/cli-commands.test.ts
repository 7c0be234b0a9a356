import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandRegistrations } from '../../../src/cli/commands/index';
import { CLI_COMMANDS } from '../../support/cli-commands';

/** The leaf commands of the real program, as a user types them: `invite create`. */
function leafCommands(): string[] {
  const program = new Command('dauys');
  for (const register of commandRegistrations) register(program);
  const walk = (command: Command, prefix: string[]): string[] =>
    command.commands.length === 0
      ? [prefix.join(' ')]
      : command.commands.flatMap((sub) => walk(sub, [...prefix, sub.name()]));
  return walk(program, []).sort();
}

describe('the command line and the audit log', () => {
  it('knows every command: audited, read-only, or an operation with its reason', () => {
    const listed = [...CLI_COMMANDS.audited, ...CLI_COMMANDS.reads, ...Object.keys(CLI_COMMANDS.operations)];
    expect(new Set(listed).size, 'a command listed twice').toBe(listed.length);
    const commands = leafCommands();
    expect(commands.length).toBeGreaterThanOrEqual(20);
    expect(
      commands.filter((command) => !listed.includes(command)),
      'a new command must be classified in test/support/cli-commands.ts (and, if it writes, audited)',
    ).toEqual([]);
    expect(
      listed.filter((command) => !commands.includes(command)),
      'a listed command is gone',
    ).toEqual([]);
  });
});

import type { Command } from 'commander';

/** Every CLI command registers itself on the program; add new commands to this list. */
export type RegisterCommand = (program: Command) => void;

export const commandRegistrations: RegisterCommand[] = [];

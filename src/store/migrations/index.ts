import type { Migration } from 'kysely';
import * as foundation from './0001-foundation';
import * as messaging from './0002-messaging';

/**
 * Migrations in order. Names sort in the order they run; never rename or edit one that
 * has shipped — add a new one.
 */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-messaging': messaging,
};

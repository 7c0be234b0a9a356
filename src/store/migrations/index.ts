import type { Migration } from 'kysely';
import * as foundation from './0001-foundation';
import * as messaging from './0002-messaging';
import * as ballots from './0003-ballots';
import * as observers from './0004-observers';
import * as consoleAccounts from './0005-console';
import * as transparency from './0006-transparency';
import * as moderation from './0007-moderation';
import * as aggregates from './0008-aggregates';
import * as outsideEvidence from './0009-outside-evidence';
import * as spamSignals from './0010-spam-signals';
import * as transparencyAtAcceptance from './0011-transparency-at-acceptance';
import * as publishedChoiceCounts from './0012-published-choice-counts';
import * as deviceDatedVotes from './0013-device-dated-votes';
import * as impostorReports from './0014-impostor-reports';

/**
 * Migrations in order. Names sort in the order they run; never rename or edit one that
 * has shipped — add a new one.
 */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-messaging': messaging,
  '0003-ballots': ballots,
  '0004-observers': observers,
  '0005-console': consoleAccounts,
  '0006-transparency': transparency,
  '0007-moderation': moderation,
  '0008-aggregates': aggregates,
  '0009-outside-evidence': outsideEvidence,
  '0010-spam-signals': spamSignals,
  '0011-transparency-at-acceptance': transparencyAtAcceptance,
  '0012-published-choice-counts': publishedChoiceCounts,
  '0013-device-dated-votes': deviceDatedVotes,
  '0014-impostor-reports': impostorReports,
};

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseElectionDefinition } from '../../../../src/domain/election/election-definition';
import { accountActivity } from '../../../../src/domain/spam/account-activity';
import { scoreBallotReport, type BallotReportSignals } from '../../../../src/domain/spam/score-ballot-report';
import { DEFAULT_RATE_LIMITS, rateLimitsFor } from '../../../../src/domain/spam/spam-thresholds';
import type { DauysError } from '../../../../src/errors';
import { DEMO_ELECTION_FILE } from '../../../support/tiny-election';
import { noPhotoVote } from './spam-scenario';

const demo = JSON.parse(fs.readFileSync(DEMO_ELECTION_FILE, 'utf8')) as Record<string, unknown>;

const report = (reportsLastHour: number, messagesLastMinute = 3) =>
  noPhotoVote({
    account: { messagesLastMinute },
    precinct: { reportsLastHour, reportsTotal: reportsLastHour },
  });

describe('per-election rate limits', () => {
  it('falls back to the defaults, and takes what the election file sets', () => {
    expect(rateLimitsFor(parseElectionDefinition(demo))).toEqual(DEFAULT_RATE_LIMITS);
    const strict = parseElectionDefinition({
      ...demo,
      spamLimits: { precinctPerHour: 5, messagesPerMinute: 10 },
    });
    const limits = rateLimitsFor(strict);
    expect(limits).toMatchObject({ precinctPerHour: 5, messagesPerMinute: 10 });
    expect(limits.accountMessagesPerHour).toBe(DEFAULT_RATE_LIMITS.accountMessagesPerHour);

    const ids = (signals: BallotReportSignals, chosen = DEFAULT_RATE_LIMITS) =>
      scoreBallotReport(signals, chosen).signals.map((s) => s.id);
    expect(ids(report(8))).not.toContain('precinct-burst');
    expect(ids(report(8), limits)).toContain('precinct-burst');
    expect(ids(report(1, 12))).not.toContain('message-flood');
    expect(ids(report(1, 12), limits)).toContain('message-flood');
  });

  it('rejects a limit that is not a positive number, naming it', () => {
    const issuesOf = (spamLimits: Record<string, unknown>) => {
      try {
        parseElectionDefinition({ ...demo, spamLimits });
      } catch (error) {
        return (error as DauysError).issues;
      }
      throw new Error('accepted');
    };
    expect(issuesOf({ accountMessagesPerHour: 0 })).toEqual([
      { where: '$.spamLimits.accountMessagesPerHour', message: 'must be more than 0' },
    ]);
    expect(issuesOf({ precinctSharePerHour: 2 })).toEqual([
      { where: '$.spamLimits.precinctSharePerHour', message: 'must be at most 1' },
    ]);
  });
});

describe('account activity from message dates', () => {
  const t0 = Date.parse('2021-01-10T09:00:00Z');

  it('finds the conversation, its fingerprint and the last minute, whatever order the dates come in', () => {
    const earlier = [t0 - 5 * 60 * 60_000, t0 - 5 * 60 * 60_000 + 20_000];
    const conversation = [0, 12, 20, 31, 45, 58].map((s) => t0 + s * 1000);
    const activity = accountActivity([...conversation].reverse().concat(earlier), t0 + 58_000);
    expect(activity).toEqual({
      secondsSinceFirstMessage: 5 * 60 * 60 + 58,
      earlierMessages: 2,
      messagesLastMinute: 6,
      timingPrint: '12|8|11|14|13',
    });
  });

  it('ignores messages dated after the vote (a delayed vote is scored as of its own date)', () => {
    const activity = accountActivity([t0, t0 + 30_000, t0 + 3 * 60 * 60_000], t0 + 30_000);
    expect(activity.messagesLastMinute).toBe(2);
    expect(activity.secondsSinceFirstMessage).toBe(30);
  });
});

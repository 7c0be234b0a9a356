import { describe, expect, it } from 'vitest';
import { parseElectionDefinition } from '../../../src/domain/election/election-definition';
import { acceptsVoteDatedAt, isWithinPolls, pollsWindow } from '../../../src/domain/election/election-times';
import { isValidTimeZone, zonedTimeToInstant } from '../../../src/domain/election/time-zone';
import { demoElection, demoElectionJson } from './demo-election';

const election = demoElection();
const at = (iso: string) => new Date(iso);

describe('time zones via Intl', () => {
  it('uses the historical offset: Almaty was UTC+6 in 2021 and UTC+5 from March 2024', () => {
    expect(zonedTimeToInstant('2021-01-10', '07:00', 'Asia/Almaty').toISOString()).toBe(
      '2021-01-10T01:00:00.000Z',
    );
    expect(zonedTimeToInstant('2025-01-10', '07:00', 'Asia/Almaty').toISOString()).toBe(
      '2025-01-10T02:00:00.000Z',
    );
  });

  it('handles daylight saving time', () => {
    expect(zonedTimeToInstant('2021-07-01', '08:00', 'Europe/Berlin').toISOString()).toBe(
      '2021-07-01T06:00:00.000Z',
    );
    expect(zonedTimeToInstant('2021-01-01', '08:00', 'Europe/Berlin').toISOString()).toBe(
      '2021-01-01T07:00:00.000Z',
    );
  });

  it('knows which zone names exist', () => {
    expect(isValidTimeZone('Asia/Qyzylorda')).toBe(true);
    expect(isValidTimeZone('Asia/Nur-Sultan')).toBe(false);
  });
});

describe('pollsWindow', () => {
  it('spans 07:00 in UTC+6 to 20:00 in the western regions (UTC+5), plus a 48-hour grace period', () => {
    expect(pollsWindow(election)).toEqual({
      opensAt: at('2021-01-10T01:00:00Z'),
      closesAt: at('2021-01-10T15:00:00Z'),
      lateMessagesUntil: at('2021-01-12T15:00:00Z'),
    });
  });

  it('uses the election zone alone when no other zones are listed', () => {
    const json = demoElectionJson();
    json.polls.otherTimeZones = [];
    expect(pollsWindow(parseElectionDefinition(json)).closesAt).toEqual(at('2021-01-10T14:00:00Z'));
  });
});

describe('isWithinPolls', () => {
  it.each([
    ['2021-01-10T00:59:59Z', false],
    ['2021-01-10T01:00:00Z', true],
    ['2021-01-10T08:00:00Z', true],
    ['2021-01-10T14:30:00Z', true], // 20:30 in Almaty, but 19:30 in Aktobe: polls still open there
    ['2021-01-10T15:00:00Z', true],
    ['2021-01-10T15:00:01Z', false],
  ])('%s → %s', (iso, expected) => {
    expect(isWithinPolls(election, at(iso))).toBe(expected);
  });
});

describe('acceptsVoteDatedAt', () => {
  it('accepts a vote received right away, not delayed', () => {
    expect(acceptsVoteDatedAt(election, at('2021-01-10T06:00:00Z'), at('2021-01-10T06:00:02Z'))).toEqual({
      accepted: true,
      delayed: false,
    });
  });

  it('accepts a late message dated before close and received within the grace period, marked delayed', () => {
    // Sent at 19:55 in Almaty during the internet blocking, delivered the next morning.
    expect(acceptsVoteDatedAt(election, at('2021-01-10T13:55:00Z'), at('2021-01-11T03:00:00Z'))).toEqual({
      accepted: true,
      delayed: true,
    });
  });

  it('marks as delayed a vote arriving long after its date while polls are still open', () => {
    const result = acceptsVoteDatedAt(election, at('2021-01-10T05:00:00Z'), at('2021-01-10T05:45:00Z'));
    expect(result).toEqual({ accepted: true, delayed: true });
    expect(acceptsVoteDatedAt(election, at('2021-01-10T05:00:00Z'), at('2021-01-10T05:20:00Z')).delayed).toBe(
      false,
    );
  });

  it('refuses a vote dated before close that arrives after the grace period', () => {
    expect(acceptsVoteDatedAt(election, at('2021-01-10T13:55:00Z'), at('2021-01-12T15:00:01Z'))).toEqual({
      accepted: false,
      delayed: true,
      rejection: 'grace_period_over',
    });
  });

  it('refuses votes dated after close or before opening', () => {
    expect(
      acceptsVoteDatedAt(election, at('2021-01-10T15:30:00Z'), at('2021-01-10T15:30:01Z')),
    ).toMatchObject({
      accepted: false,
      rejection: 'after_polls_close',
    });
    expect(
      acceptsVoteDatedAt(election, at('2021-01-10T00:30:00Z'), at('2021-01-10T00:30:01Z')),
    ).toMatchObject({
      accepted: false,
      rejection: 'before_polls_open',
    });
  });

  it('takes a date later than receipt (a skewed clock) as the time of receipt', () => {
    expect(acceptsVoteDatedAt(election, at('2021-01-10T16:00:00Z'), at('2021-01-10T14:59:00Z'))).toEqual({
      accepted: true,
      delayed: false,
    });
  });
});

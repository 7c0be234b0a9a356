/**
 * When votes count. Votes are dated by the message's own timestamp, not by when it reached us:
 * on election day in 2021 the internet was throttled and thousands of photos arrived late. A vote
 * dated while polls were open still counts if it arrives within the grace period after close.
 */
import type { ElectionDefinition } from './election-definition';
import { zonedTimeToInstant } from './time-zone';

export interface PollsWindow {
  /** The first opening anywhere (polls open at the same local time in every zone). */
  opensAt: Date;
  /** The last closing anywhere. */
  closesAt: Date;
  /** Messages received after this instant no longer count, whatever their date. */
  lateMessagesUntil: Date;
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * The polls' window as instants, spanning the election's time zone and `polls.otherTimeZones`.
 *
 * @example
 * pollsWindow(kz2021).closesAt.toISOString(); // '2021-01-10T15:00:00.000Z' (20:00 in UTC+5, the last zone to close)
 */
export function pollsWindow(election: ElectionDefinition): PollsWindow {
  const zones = [election.timeZone, ...election.polls.otherTimeZones];
  const opens = zones.map((zone) => zonedTimeToInstant(election.date, election.polls.opens, zone).getTime());
  const closes = zones.map((zone) =>
    zonedTimeToInstant(election.date, election.polls.closes, zone).getTime(),
  );
  const closesAt = Math.max(...closes);
  return {
    opensAt: new Date(Math.min(...opens)),
    closesAt: new Date(closesAt),
    lateMessagesUntil: new Date(closesAt + election.lateMessages.gracePeriodHours * HOUR_MS),
  };
}

/**
 * Whether an instant falls while polls are open (opening and closing minute included).
 *
 * @example
 * isWithinPolls(kz2021, new Date('2021-01-10T08:00:00Z')); // true (14:00 in Almaty)
 * isWithinPolls(kz2021, new Date('2021-01-10T16:00:00Z')); // false
 */
export function isWithinPolls(election: ElectionDefinition, messageDate: Date): boolean {
  const { opensAt, closesAt } = pollsWindow(election);
  const at = messageDate.getTime();
  return at >= opensAt.getTime() && at <= closesAt.getTime();
}

export type VoteTimingRejection = 'before_polls_open' | 'after_polls_close' | 'grace_period_over';

export interface VoteTiming {
  accepted: boolean;
  /** Received after polls closed, or much later than dated (`lateMessages.delayedAfterMinutes`). */
  delayed: boolean;
  /** Why a vote was not accepted. */
  rejection?: VoteTimingRejection;
}

/**
 * Whether a vote dated `messageDate` and received at `receivedAt` counts.
 * A message cannot be sent after it arrived, so a date later than `receivedAt` (a skewed client
 * clock) is taken as `receivedAt`.
 *
 * @example
 * // Sent at 19:55 Almaty time, delivered the next morning after an internet blackout:
 * acceptsVoteDatedAt(kz2021, new Date('2021-01-10T13:55:00Z'), new Date('2021-01-11T03:00:00Z'));
 * // → { accepted: true, delayed: true }
 */
export function acceptsVoteDatedAt(
  election: ElectionDefinition,
  messageDate: Date,
  receivedAt: Date,
): VoteTiming {
  const window = pollsWindow(election);
  const received = receivedAt.getTime();
  const dated = Math.min(messageDate.getTime(), received);
  const delayed =
    received > window.closesAt.getTime() ||
    received - dated > election.lateMessages.delayedAfterMinutes * MINUTE_MS;
  if (dated < window.opensAt.getTime()) return { accepted: false, delayed, rejection: 'before_polls_open' };
  if (dated > window.closesAt.getTime()) return { accepted: false, delayed, rejection: 'after_polls_close' };
  if (received > window.lateMessagesUntil.getTime()) {
    return { accepted: false, delayed, rejection: 'grace_period_over' };
  }
  return { accepted: true, delayed };
}

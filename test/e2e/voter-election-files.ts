import { writeTinyElection } from '../support/tiny-election';

const HOUR = 3_600_000;

/**
 * A fixed-offset zone where it is about midday now, so an election "today" in it has polls
 * open for hours either side of the test, whatever time the suite runs.
 */
function middayZone(now: Date): { zone: string; offsetHours: number; localDate: string; localHour: number } {
  const offsetHours = 12 - now.getUTCHours();
  // Etc/GMT zones have the sign the other way round: Etc/GMT-5 is UTC+5.
  const zone =
    offsetHours === 0 ? 'Etc/GMT' : offsetHours > 0 ? `Etc/GMT-${offsetHours}` : `Etc/GMT+${-offsetHours}`;
  const local = new Date(now.getTime() + offsetHours * HOUR);
  return { zone, offsetHours, localDate: local.toISOString().slice(0, 10), localHour: local.getUTCHours() };
}

/** The tiny election (2 regions, 5 precincts, the demo's parties + "against all"), polls open now. */
export async function writeOpenElection(slug: string, now = new Date()) {
  const { zone, localDate } = middayZone(now);
  return writeTinyElection((definition) => {
    Object.assign(definition, { slug, demo: false, date: localDate, timeZone: zone });
    definition.polls = { opens: '00:00', closes: '23:59', otherTimeZones: [] };
  });
}

/**
 * The same, with polls that closed one to two hours ago and a six-hour grace period; messages
 * dated `datedBeforeClose` (2.5 h ago) are before the close.
 */
export async function writeJustClosedElection(slug: string, now = new Date()) {
  const { zone, localDate, localHour } = middayZone(now);
  const closes = `${String(localHour - 1).padStart(2, '0')}:00`;
  const files = await writeTinyElection((definition) => {
    Object.assign(definition, { slug, demo: false, date: localDate, timeZone: zone });
    definition.polls = { opens: '00:00', closes, otherTimeZones: [] };
    definition.lateMessages = { gracePeriodHours: 6, delayedAfterMinutes: 30 };
  });
  return { ...files, datedBeforeClose: new Date(now.getTime() - 2.5 * HOUR) };
}

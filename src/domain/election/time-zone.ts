/**
 * Wall-clock ↔ instant conversion for IANA time zones using only `Intl` (no date library):
 * Node ships full ICU, whose tz database also knows historical offsets — Asia/Almaty was UTC+6
 * in January 2021 and has been UTC+5 since March 2024, and the 2021 election must use the former.
 */

/**
 * Whether `timeZone` is an IANA zone name this runtime knows.
 *
 * @example
 * isValidTimeZone('Asia/Almaty'); // true
 * isValidTimeZone('Asia/Nur-Sultan'); // false
 */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at `instant`, in milliseconds (UTC+6 → 21,600,000). */
export function timeZoneOffsetMs(timeZone: string, instant: Date): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const wallClockAsUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wallClockAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the clocks of `timeZone` show `date` `time`.
 * For a wall-clock time skipped or repeated by a DST change, the result is one of the nearby
 * instants (polls never open at 02:30 on a change night, so this is not refined further).
 *
 * @example
 * zonedTimeToInstant('2021-01-10', '20:00', 'Asia/Almaty').toISOString(); // '2021-01-10T14:00:00.000Z'
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offset depends on the instant we are looking for; two rounds settle it around DST changes.
  let instant = wallClockAsUtc - timeZoneOffsetMs(timeZone, new Date(wallClockAsUtc));
  instant = wallClockAsUtc - timeZoneOffsetMs(timeZone, new Date(instant));
  return new Date(instant);
}

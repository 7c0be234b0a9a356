/**
 * The simulated day's clock for a server that a fast simulation drives in its own process.
 *
 * A button press carries no date on Telegram, so the server dates it on receipt. A fast run
 * (bench/attack) plays a 13-hour polling day in about half an hour: dated on receipt, every press
 * would fall within the same real hour, and rules that look at an hour at a precinct (a crowd, a
 * burst) would treat voters hours apart in the simulated day as one crowd. So the simulator sends
 * each update's arrival time in the simulated day in a header, and a server built with this clock
 * (`buildServer(app, { receiptClock })`, in-process only, never from configuration) dates receipt
 * by it. A server built without it ignores the header: no HTTP client chooses the dates of votes.
 */
import type { IncomingHttpHeaders } from 'node:http';

export const SIMULATED_ARRIVAL_HEADER = 'x-dauys-simulated-arrival';

/**
 * Receipt time from the simulator's header (epoch milliseconds), never later than the real clock;
 * the real clock when the header is absent or not a number.
 *
 * @example
 * simulatedReceiptClock()({ 'x-dauys-simulated-arrival': '1610694000000' }); // 2021-01-15T07:00:00.000Z
 */
export function simulatedReceiptClock(now: () => number = Date.now): (headers: IncomingHttpHeaders) => Date {
  return (headers) => {
    const real = now();
    const given = headers[SIMULATED_ARRIVAL_HEADER];
    const simulated = typeof given === 'string' && /^\d{1,15}$/.test(given) ? Number(given) : NaN;
    return new Date(Number.isFinite(simulated) ? Math.min(simulated, real) : real);
  };
}

import { describe, expect, it } from 'vitest';
import { SIMULATED_ARRIVAL_HEADER, simulatedReceiptClock } from '../../../src/simulation/simulated-arrival';

describe('simulatedReceiptClock', () => {
  const realNow = Date.parse('2021-01-10T20:00:00Z');
  const clock = simulatedReceiptClock(() => realNow);

  it('dates receipt at the simulated arrival the header gives', () => {
    const arrival = Date.parse('2021-01-10T09:15:30.250Z');
    expect(clock({ [SIMULATED_ARRIVAL_HEADER]: String(arrival) }).getTime()).toBe(arrival);
  });

  it('never dates receipt after the real clock', () => {
    expect(clock({ [SIMULATED_ARRIVAL_HEADER]: String(realNow + 60_000) }).getTime()).toBe(realNow);
  });

  it('falls back to the real clock without a usable header', () => {
    for (const given of [undefined, '', 'yesterday', '-5', '1e12', ['1', '2']]) {
      expect(clock({ [SIMULATED_ARRIVAL_HEADER]: given }).getTime()).toBe(realNow);
    }
  });
});

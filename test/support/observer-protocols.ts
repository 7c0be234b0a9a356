/**
 * Protocols of the Kazakhstan 2021 demo form for the observer e2e tests: one consistent, and one
 * breaking each rule of the form while every other rule holds — so the rejection can only name it.
 */
export const CONSISTENT: Record<string, number> = {
  '1': 1000,
  '2': 1000,
  '3': 600,
  '4': 600,
  '6.ak-zhol': 100,
  '6.nur-otan': 300,
  '6.adal': 90,
  '6.auyl': 60,
  '6.peoples-party': 40,
  '7': 10,
  '8': 400,
};

export const BREAKING: Array<{ rule: string; figures: Record<string, number> }> = [
  // L2 = L3 + L8: 1000 ≠ 600 + 300
  { rule: 'ballots-balance', figures: { ...CONSISTENT, '8': 300 } },
  // L4 = sum(L6) + L7: 600 ≠ 590 + 20
  { rule: 'votes-balance', figures: { ...CONSISTENT, '7': 20 } },
  // L3 >= L4: 590 < 600 (L2 = L3 + L8 still holds)
  { rule: 'issued-covers-participation', figures: { ...CONSISTENT, '3': 590, '8': 410 } },
  // L1 >= L3: 1000 < 1010, turnout still 60%
  { rule: 'list-covers-issued', figures: { ...CONSISTENT, '2': 1410, '3': 1010 } },
  // L4 / L1 <= 0.7: 800 / 1000
  {
    rule: 'turnout-at-most-70',
    figures: { ...CONSISTENT, '2': 1200, '3': 800, '4': 800, '6.nur-otan': 500 },
  },
];

/** The order the bot asks for figures: line by line, per-choice lines in ballot order; line 5 is optional. */
export const FORM_ORDER = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6.ak-zhol',
  '6.nur-otan',
  '6.adal',
  '6.auyl',
  '6.peoples-party',
  '7',
  '8',
];

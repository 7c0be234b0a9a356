import { describe, expect, it } from 'vitest';
import { DauysError } from '../../../src/errors';
import { parseElectionDefinition } from '../../../src/domain/election/election-definition';
import { DEFAULT_VIOLATION_CATEGORIES } from '../../../src/domain/election/default-violation-categories';
import { demoElection, demoElectionJson, type EditableJson } from './demo-election';

/** Parses and returns the thrown validation error (fails the test if nothing is thrown). */
function rejectionOf(json: unknown): DauysError {
  try {
    parseElectionDefinition(json, 'broken.json');
  } catch (error) {
    if (error instanceof DauysError) return error;
    throw error;
  }
  throw new Error('expected the definition to be rejected');
}

describe('parseElectionDefinition on the Kazakhstan 2021 demo', () => {
  it('accepts the demo with its parties in ballot order, voter-only choice and 17 regions', () => {
    const election = demoElection();
    expect(election.slug).toBe('kz-2021-mazhilis');
    expect(election.demo).toBe(true);
    expect(election.choices.map((c) => c.id)).toEqual([
      'ak-zhol',
      'nur-otan',
      'adal',
      'auyl',
      'peoples-party',
    ]);
    expect(election.voterOnlyChoices.map((c) => c.id)).toEqual(['against-all']);
    expect(election.geography.topLevelAreas).toHaveLength(17);
    expect(election.geography.topLevelAreas?.filter((a) => a.kind === 'city').map((a) => a.code)).toEqual([
      'kz-nur',
      'kz-ala',
      'kz-shy',
    ]);
    expect(election.protocol.lines.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(election.protocol.lines.find((l) => l.number === 6)?.perChoice).toBe(true);
    expect(election.protocol.rules.map((r) => r.expression)).toEqual([
      'L2 = L3 + L8',
      'L4 = sum(L6) + L7',
      'L3 >= L4',
      'L1 >= L3',
      'L4 / L1 <= 0.7',
    ]);
  });

  it('applies defaults: default violation categories, single required lines, no extra time zones', () => {
    const json = demoElectionJson();
    delete json.violationCategories;
    delete json.polls.otherTimeZones;
    json.protocol.lines[0] = { number: 1, labels: json.protocol.lines[0].labels };
    const election = parseElectionDefinition(json);
    expect(election.violationCategories.map((c) => c.id)).toEqual(
      DEFAULT_VIOLATION_CATEGORIES.map((c) => c.id),
    );
    expect(election.violationCategories.at(-1)?.id).toBe('other');
    expect(election.polls.otherTimeZones).toEqual([]);
    expect(election.protocol.lines[0]).toMatchObject({ perChoice: false, required: true });
  });
});

describe('parseElectionDefinition rejects broken files naming the JSON path', () => {
  const cases: Array<[string, (json: EditableJson) => void, string, RegExp]> = [
    ['a wrong type', (j) => (j.names.kk = 42), '$.names.kk', /expected string/],
    [
      'a missing translation',
      (j) => delete j.choices[2].names.kk,
      '$.choices[2].names.kk',
      /expected string/,
    ],
    ['an unknown key', (j) => (j.protocol.pagez = 2), '$.protocol', /pagez/],
    ['a bad slug', (j) => (j.slug = 'KZ 2021'), '$.slug', /lowercase/],
    ['a date that does not exist', (j) => (j.date = '2021-02-30'), '$.date', /calendar date/],
    ['a bad clock time', (j) => (j.polls.opens = '7am'), '$.polls.opens', /time like/],
    ['an unknown time zone', (j) => (j.timeZone = 'Asia/Nur-Sultan'), '$.timeZone', /unknown time zone/],
    [
      'an unknown extra time zone',
      (j) => (j.polls.otherTimeZones = ['Asia/Aqtobe', 'Mars/Olympus']),
      '$.polls.otherTimeZones[1]',
      /unknown time zone "Mars\/Olympus"/,
    ],
    [
      'polls closing before they open',
      (j) => (j.polls.closes = '06:00'),
      '$.polls.closes',
      /close after they open/,
    ],
    [
      'a duplicate choice id',
      (j) => (j.choices[3].id = 'adal'),
      '$.choices[3].id',
      /duplicate choice id "adal" \(first at \$\.choices\[2\]\.id\)/,
    ],
    [
      'a voter-only choice reusing a ballot id',
      (j) => (j.voterOnlyChoices[0].id = 'nur-otan'),
      '$.voterOnlyChoices[0].id',
      /duplicate choice id/,
    ],
    [
      'a duplicate line number',
      (j) => (j.protocol.lines[7].number = 7),
      '$.protocol.lines[7].number',
      /duplicate line number 7/,
    ],
    [
      'an expression naming a line the form lacks',
      (j) => (j.protocol.rules[0].expression = 'L2 = L3 + L9'),
      '$.protocol.rules[0].expression',
      /L9 at column 11 .* is not a line of the protocol form/,
    ],
    [
      'an expression that does not parse',
      (j) => (j.protocol.rules[2].expression = 'L3 >= L4 +'),
      '$.protocol.rules[2].expression',
      /column 11/,
    ],
    [
      'a per-choice line used outside sum()',
      (j) => (j.protocol.rules[1].expression = 'L4 = L6 + L7'),
      '$.protocol.rules[1].expression',
      /L6 .* is a per-choice line: write sum\(L6\)/,
    ],
    [
      'sum() over a single-figure line',
      (j) => (j.protocol.rules[1].expression = 'L4 = sum(L7)'),
      '$.protocol.rules[1].expression',
      /L7 is not a per-choice line/,
    ],
    [
      'forEachChoice on a rule without a per-choice line',
      (j) => (j.protocol.rules[0].forEachChoice = true),
      '$.protocol.rules[0].forEachChoice',
      /names no per-choice line/,
    ],
    [
      'a negative tolerance',
      (j) => (j.protocol.rules[0].tolerance = -1),
      '$.protocol.rules[0].tolerance',
      /0 or more/,
    ],
    [
      'an unknown severity',
      (j) => (j.protocol.rules[0].severity = 'fatal'),
      '$.protocol.rules[0].severity',
      /reject/,
    ],
    [
      'a role on a per-choice line',
      (j) => (j.protocol.roles.registeredVoters = 6),
      '$.protocol.roles.registeredVoters',
      /per-choice line/,
    ],
    [
      'a role on a missing line',
      (j) => (j.protocol.roles.ballotsCast = 12),
      '$.protocol.roles.ballotsCast',
      /line 12/,
    ],
    [
      'a duplicate region code',
      (j) => (j.geography.topLevelAreas[16].code = 'kz-akm'),
      '$.geography.topLevelAreas[16].code',
      /duplicate area code/,
    ],
    [
      'a bad Telegram handle',
      (j) => (j.bots.voterTelegram = 'dauys'),
      '$.bots.voterTelegram',
      /Telegram handle/,
    ],
    ['zero pages', (j) => (j.protocol.pages = 0), '$.protocol.pages', /1 or more/],
  ];

  it.each(cases)('%s', (_name, breakIt, path, message) => {
    const json = demoElectionJson();
    breakIt(json);
    const error = rejectionOf(json);
    const issue = error.issues.find((i) => i.where === path);
    expect(issue, `issues were ${JSON.stringify(error.issues)}`).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  it('fails with the validation code, exit code 2 and the source in the message', () => {
    const json = demoElectionJson();
    json.choices[0].names.en = '';
    const error = rejectionOf(json);
    expect(error.code).toBe('DAUYS_ERR_VALIDATION');
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('Invalid election definition in broken.json');
    expect(error.describe()).toContain('$.choices[0].names.en: must not be empty');
  });

  it('rejects something that is not an object at all', () => {
    expect(rejectionOf([]).issues[0]?.where).toBe('$');
  });

  it('accepts a per-choice rule written with forEachChoice', () => {
    const json = demoElectionJson();
    json.protocol.rules.push({
      id: 'party-within-turnout',
      kind: 'control_ratio',
      names: { kk: 'k', ru: 'r', en: 'e' },
      expression: 'L6 <= L4',
      severity: 'reject',
      forEachChoice: true,
    });
    expect(parseElectionDefinition(json).protocol.rules.at(-1)).toMatchObject({
      forEachChoice: true,
      tolerance: 0,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { CONSISTENT } from '../../../support/observer-protocols';
import { BOUND, conversation, election, photo, press, text } from './observer-test-kit';

/** The demo form's required figures in form order (line 5 is optional): a consistent protocol. */
const POSITIONAL = '1000 1000 600 600 100 300 90 60 40 10 400';
const NAMED = 'L1=1000 L2=1000 L3=600 L4=600 L6.1=100 L6.2=300 L6.adal=90 L6.auyl=60 L6.ppk=40 L7=10 L8=400';

const submissions = (run: ReturnType<typeof conversation>) =>
  run.effects.filter((effect) => effect.kind === 'submit_protocol');

describe('observer: a protocol in one or several messages', () => {
  it('accepts positional figures after the pages sent with the buttons, by the same check', () => {
    const run = conversation();
    // The pages by the buttons (a chat channel), then the figures in one message.
    for (const step of [press('mp'), press('p:0'), photo('page-1'), photo('page-2')]) run.send(step);
    run.send(text(`P 101 ${POSITIONAL}`));
    expect(run.text).toBe('Protocol of precinct 101 accepted: every check passed. Thank you!');
    expect(submissions(run)).toEqual([
      expect.objectContaining({
        precinctCode: 'p1',
        figures: CONSISTENT,
        pages: [expect.objectContaining({ fileId: 'page-1' }), expect.objectContaining({ fileId: 'page-2' })],
      }),
    ]);
    expect(run.state?.stage).toBe('protocol_result');
  });

  it('rejects with the named reasons of the same check: a broken ratio and, on a chat channel, the pages not sent', () => {
    const run = conversation();
    run.send(text(`P 101 ${NAMED.replace('L8=400', 'L8=300')}`));
    expect(run.text).toBe(
      'Protocol of precinct 101 rejected: pages_missing 0/2; ballots-balance 1000!=900. Correct with P 101 L<line>=<figure>.',
    );
    expect(submissions(run)).toHaveLength(1);
    // One line corrected by name: the same draft is checked and submitted again.
    run.send(text('p 101 l8=400'));
    expect(run.text).toBe(
      'Protocol of precinct 101 rejected: pages_missing 0/2. Correct with P 101 L<line>=<figure>.',
    );
    expect(submissions(run)).toHaveLength(2);
    expect(submissions(run)[1]).toMatchObject({ figures: { '8': 400, '2': 1000 } });
  });

  it('checks figures typed by SMS without pages (the channel carries none), and still names a broken ratio', () => {
    const run = conversation();
    const sms = (typed: string) => ({ ...text(typed), channel: 'sms' as const, textOnly: true as const });
    run.send(sms(`P 101 ${NAMED.replace('L8=400', 'L8=300')}`));
    expect(run.text).toBe(
      'Protocol of precinct 101 rejected: ballots-balance 1000!=900. Correct with P 101 L<line>=<figure>.',
    );
    run.send(sms('p 101 l8=400'));
    expect(run.text).toBe('Protocol of precinct 101 accepted: every check passed. Thank you!');
    expect(submissions(run).at(-1)).toMatchObject({ pages: [], figuresOnly: true });
  });

  it('accumulates figures split over two messages, then checks and submits once', () => {
    const run = conversation();
    run.send(text('Р 101 1000 1000 600 600'));
    expect(run.text).toBe(
      'Precinct 101: figures saved. Still missing 7 figures (lines 6, 7, 8). Send P 101 with the rest.',
    );
    expect(submissions(run)).toEqual([]);
    expect(run.state).toMatchObject({ stage: 'protocol_figure', protocol: { precinctCode: 'p1' } });
    run.send(text('П 101 100 300 90 60 40 10 400'));
    expect(submissions(run)).toHaveLength(1);
    expect(submissions(run)[0]).toMatchObject({ figures: { '1': 1000, '6.ak-zhol': 100, '8': 400 } });
  });

  it('starts afresh when a whole protocol is typed again after a submission', () => {
    const run = conversation();
    run.send(text(`P 101 ${POSITIONAL}`));
    run.send(text(`P 101 ${POSITIONAL.replace(/^1000 1000/, '1100 1000')}`));
    expect(submissions(run)).toHaveLength(2);
    expect(submissions(run)[1]).toMatchObject({ figures: { '1': 1100 } });
  });

  it.each([
    ['P 999 1 2', 'Precinct 999 is not one of yours; nothing was taken.'],
    ['P 101 L1=12.5 L9=4 L6=5 L1.2=5', 'Not understood: L1=12.5 L9=4 L6=5 L1.2=5. Nothing was taken.'],
    [`P 101 ${POSITIONAL} 7`, '12 figures given, but only 10 missing. Nothing was taken.'],
    ['P 1000 1000', 'Precinct 1000 is not one of yours'],
  ])('%j changes nothing and says why', (typed, says) => {
    const run = conversation();
    run.send(text('P 101 1000'));
    const before = run.state;
    run.send(text(typed));
    expect(run.text).toContain(says);
    expect(run.state).toEqual(before);
    expect(submissions(run)).toEqual([]);
  });

  it('needs the precinct when the observer has several, not when they have one', () => {
    const run = conversation();
    run.send(text('P'));
    expect(run.text).toBe(
      'Format: P 190 L1=1234 L2=1200 ... (L6.2= for the 2nd party), or P 190 1234 1200 ... in form order.',
    );
    const single = conversation({ ...BOUND, precincts: BOUND.precincts!.slice(0, 1) });
    single.send(text(`P ${POSITIONAL}`.replace('P 1000', 'P 101 1000')));
    expect(submissions(single)).toHaveLength(1);
  });

  it('refuses someone who is not an observer, as the buttons do', () => {
    const run = conversation({});
    run.send(text(`P 101 ${POSITIONAL}`));
    expect(run.effects).toEqual([]);
    expect(run.text).toContain('invite');
  });
});

describe('observer: violations and SOS by text', () => {
  it('reports a violation in "other", or in the category numbered', () => {
    const run = conversation();
    run.send(text('Н 102 Наблюдателя не пустили'));
    expect(run.effects).toHaveLength(1);
    expect(run.effects[0]).toMatchObject({
      kind: 'report_violation',
      precinctCode: 'p2',
      categoryId: 'other',
      text: 'Наблюдателя не пустили',
      media: [],
    });
    expect(run.text).toBe('Violation at precinct 102 recorded (Other). Thank you.');
    run.send(text('N 101 #1 not let in'));
    expect(run.effects[1]).toMatchObject({
      categoryId: election.violationCategories[0]!.id,
      text: 'not let in',
    });
    run.send(text('N 101'));
    expect(run.effects).toHaveLength(2);
    expect(run.text).toContain('Format: N <precinct>');
  });

  it('keeps a description being typed as the observer wrote it, whatever letter starts it', () => {
    const run = conversation();
    for (const step of [press('mv'), press('p:0'), press('c:0')]) run.send(step);
    run.send(text('N 5 people carried ballots out'));
    expect(run.effects).toEqual([]);
    expect(run.state?.violation?.text).toBe('N 5 people carried ballots out');
  });

  it('raises SOS for the precinct with the words kept, and never refuses one', () => {
    const run = conversation();
    run.send(text('SOS 102 police took my phone'));
    expect(run.effects).toEqual([
      expect.objectContaining({ kind: 'raise_sos', precinctCode: 'p2' }),
      expect.objectContaining({
        kind: 'report_violation',
        precinctCode: 'p2',
        text: 'SOS: police took my phone',
      }),
    ]);
    expect(run.text).toContain('SOS sent');
    run.send(text('сос 999 помогите'));
    expect(run.effects[2]).toEqual(expect.objectContaining({ kind: 'raise_sos' }));
    expect(run.effects[2]).not.toHaveProperty('precinctCode');
    expect(run.effects).toHaveLength(3);
  });
});

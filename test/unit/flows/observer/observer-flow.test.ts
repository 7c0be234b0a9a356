import { describe, expect, it } from 'vitest';
import { observerFlow } from '../../../../src/flows/observer/observer-flow';
import { decodeObserverButton, encodeObserverButton } from '../../../../src/flows/observer/observer-buttons';
import {
  BOUND,
  CONSISTENT,
  FORM_ORDER,
  PRECINCTS,
  command,
  conversation,
  election,
  inbound,
  photo,
  press,
  rendered,
  text,
  typeFigures,
} from './observer-test-kit';

describe('observer flow: invites', () => {
  it('refuses a participant without an invite and asks for nothing else', () => {
    for (const message of [command('start'), text('hello'), press('mp'), command('sos')]) {
      const step = observerFlow(undefined, message, {});
      expect(step.effects).toEqual([]);
      expect(rendered(step.replies)).toContain('This bot is for observers invited by a coordinator');
    }
  });

  it('refuses a wrong invite code politely, with no effect', () => {
    const step = observerFlow(undefined, command('start', 'WRONGCODE1'), { invite: { status: 'invalid' } });
    expect(step.effects).toEqual([]);
    expect(rendered(step.replies)).toContain('not valid or has been revoked');
  });

  it('binds with a valid code and lists the invite’s precincts', () => {
    const step = observerFlow(undefined, command('start', 'GOODCODE23'), {
      invite: {
        status: 'valid',
        inviteId: 7,
        electionSlug: election.slug,
        electionNames: election.names,
        precincts: PRECINCTS,
      },
    });
    expect(step.effects).toEqual([{ kind: 'redeem_invite', inviteId: 7 }]);
    expect(rendered(step.replies)).toContain('Precinct No. 101');
    expect(rendered(step.replies)).toContain('Precinct No. 102');
    expect(step.state.stage).toBe('menu');
  });
});

describe('observer flow: the results protocol', () => {
  function throughPages() {
    const run = conversation();
    run.send(press('mp'));
    expect(run.text).toContain('Which precinct');
    run.send(press('p:0'));
    expect(run.text).toContain('page 1 of 2');
    run.send(photo('page-1'));
    expect(run.text).toContain('page 2 of 2');
    run.send(photo('page-2'));
    return run;
  }

  it('asks every line with its number and label as on the form, and per-choice lines by choice name', () => {
    const run = throughPages();
    expect(run.text).toContain('Line 1. Total number of voters on the precinct');
    const prompts: string[] = [run.text];
    for (const key of FORM_ORDER.slice(0, -1)) {
      run.send(text(CONSISTENT[key] ?? ''));
      prompts.push(run.text);
    }
    expect(prompts[5]).toContain('Line 6. Number of votes for each party');
    expect(prompts[5]).toContain('For: Ak Zhol Democratic Party of Kazakhstan');
    expect(prompts[9]).toContain("For: People's Party of Kazakhstan");
    expect(prompts[11]).toContain('Line 8.');
  });

  it('refuses a figure that is not a whole number and asks the same line again, unchanged', () => {
    const run = throughPages();
    const before = run.state;
    for (const bad of ['12.5', '-3', 'abc', '1e3']) {
      run.send(text(bad));
      expect(run.text).toContain('is not a whole number');
      expect(run.text).toContain('Line 1.');
      expect(run.state).toEqual(before);
    }
    run.send(text('99999999'));
    expect(run.text).toContain('too large');
    run.send(text('1 000'));
    expect(run.text).toContain('Line 2.');
  });

  it('shows a summary of every check, then submits an accepted protocol', () => {
    const run = throughPages();
    typeFigures(run, CONSISTENT);
    expect(run.text).toContain(
      '✅ Ballots received = ballots issued + cancelled ballots (L2 = L3 + L8): L2 = 1000, L3 = 600, L8 = 400; 1000 = 1000',
    );
    expect(run.text).toContain('Turnout (line 4 / line 1) at most 70%');
    expect(run.text).toContain('will be accepted');
    run.send(press('sub'));
    expect(run.text).toContain('Protocol accepted');
    const submit = run.effects.find((effect) => effect.kind === 'submit_protocol');
    expect(submit).toMatchObject({ precinctCode: 'p1', figures: { '1': 1000, '6.adal': 90, '8': 400 } });
    expect(submit?.kind === 'submit_protocol' && submit.pages.map((page) => page.fileId)).toEqual([
      'page-1',
      'page-2',
    ]);
  });

  it('rejects with every reason, then accepts the corrected resubmission', () => {
    const run = throughPages();
    typeFigures(run, { ...CONSISTENT, '8': '300' });
    run.send(press('sub'));
    expect(run.text).toContain('Protocol rejected');
    expect(run.text).toContain(
      '❌ Ballots received = ballots issued + cancelled ballots (L2 = L3 + L8): L2 = 1000, L3 = 600, L8 = 300; 1000 ≠ 900',
    );
    run.send(press('cor'));
    run.send(press('cl:8'));
    expect(run.text).toContain('Line 8.');
    expect(run.text).toContain('Currently: 300');
    run.send(text('400'));
    expect(run.text).toContain('will be accepted');
    run.send(press('sub'));
    expect(run.text).toContain('Protocol accepted');
    expect(run.effects.filter((effect) => effect.kind === 'submit_protocol')).toHaveLength(2);
  });

  it('rejects a protocol with a page missing, naming the pages', () => {
    const run = conversation();
    run.send(press('mp'));
    run.send(press('p:1'));
    run.send(photo('only-page'));
    run.send(press('pgd'));
    typeFigures(run, CONSISTENT);
    run.send(press('sub'));
    expect(run.text).toContain('Protocol rejected');
    expect(run.text).toContain('Pages missing: 1 of 2 received');
  });

  it('lets an optional line be skipped but not a required one', () => {
    const run = throughPages();
    expect(run.buttons).not.toContain('skip');
    for (const value of ['1000', '1000', '600', '600']) run.send(text(value));
    expect(run.text).toContain('Line 5.');
    expect(run.buttons).toContain('skip');
    run.send(press('skip'));
    expect(run.text).toContain('Line 6.');
  });
});

describe('observer flow: SOS and violations', () => {
  it('offers SOS on every keyboard and raises it from the middle of a protocol', () => {
    const run = conversation();
    run.send(press('mp'));
    expect(run.buttons).toContain('sos');
    run.send(press('p:1'));
    expect(run.buttons).toContain('sos');
    run.send(press('sos'));
    expect(run.effects).toContainEqual(expect.objectContaining({ kind: 'raise_sos', precinctCode: 'p2' }));
    expect(run.text).toContain('coordinators have been alerted');
    run.send(press('sk:detention'));
    expect(run.effects).toContainEqual({ kind: 'describe_sos', sosKind: 'detention' });
    run.send(press('rs'));
    expect(run.text).toContain('page 1 of 2');
  });

  it('treats /sos and a typed "SOS" as the button', () => {
    for (const message of [command('sos'), text('SOS!')]) {
      const step = observerFlow({ version: 1, stage: 'menu' }, message, BOUND);
      expect(step.effects.map((effect) => effect.kind)).toEqual(['raise_sos']);
    }
  });

  it('records a violation with its category, text, photos and the time of the description', () => {
    const run = conversation();
    run.send(press('mv'));
    run.send(press('p:0'));
    expect(run.text).toContain('What kind of violation');
    run.send(press('c:4'));
    const described = text('Ballots were stuffed at 14:00');
    run.send(described);
    run.send(photo('evidence-1'));
    run.send(photo('evidence-2'));
    expect(run.text).toContain('2 so far');
    run.send(press('vd'));
    expect(run.text).toContain('Violation report received (2 photos or videos)');
    expect(run.effects).toContainEqual({
      kind: 'report_violation',
      precinctCode: 'p1',
      categoryId: election.violationCategories[4]?.id,
      text: 'Ballots were stuffed at 14:00',
      media: [
        { kind: 'photo', media: { fileId: 'evidence-1', mimeType: 'image/jpeg' } },
        { kind: 'photo', media: { fileId: 'evidence-2', mimeType: 'image/jpeg' } },
      ],
      sentAt: described.sentAt,
    });
  });

  it('switches language and returns to the stage it left', () => {
    const run = conversation();
    run.send(press('mp'));
    run.send(press('ml'));
    run.send(press('l:ru'));
    expect(run.state?.locale).toBe('ru');
    expect(run.state?.stage).toBe('protocol_precinct');
  });

  it('answers a forged button with the current question and changes nothing', () => {
    const run = conversation();
    run.send(press('mp'));
    const before = run.state;
    run.send(inbound({ kind: 'button', data: 'zz:1' }));
    expect(run.text).toContain('no longer active');
    expect(run.state).toEqual(before);
  });
});

describe('observer buttons', () => {
  it('round-trips every kind and refuses malformed data', () => {
    for (const data of ['m', 'mp', 'sos', 'sk:violence', 'l:kk', 'p:3', 'pg:2', 'cl:6', 'c:10', 'vd', 'rs']) {
      const decoded = decodeObserverButton(data);
      expect(decoded).toBeDefined();
      expect(encodeObserverButton(decoded!)).toBe(data);
    }
    for (const bad of ['cl:0', 'cl:x', 'sk:fun', 'l:de', 'p:', 'x'.repeat(70)]) {
      expect(decodeObserverButton(bad)).toBeUndefined();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/domain/locale';
import { translate, type MessageKey } from '../../src/i18n/index';
import { generateBallotPhoto } from '../../src/simulation/ballot-image';
import { startTestServer, type TestServer } from '../support/start-test-server';
import { telegramUpdates, telegramUser } from '../../src/simulation/telegram-updates';
import { TelegramVoterDriver } from './telegram-voter-driver';
import { writeJustClosedElection, writeOpenElection } from './voter-election-files';

const t = (locale: Locale, key: MessageKey, params?: Record<string, string | number>) =>
  translate(locale, params ? { key, params } : { key });

describe('the voter bot through the Telegram webhook', () => {
  let server: TestServer;
  const updates = telegramUpdates();
  let nextUser = 600;
  const voter = (languageCode?: string) =>
    new TelegramVoterDriver(server, updates, telegramUser(nextUser++, languageCode ? { languageCode } : {}));

  beforeAll(async () => {
    server = await startTestServer({ conversations: 'app' });
    await server.app.elections.loadFile((await writeOpenElection('e2e-open')).electionFile);
    // Each voter photographs their own ballot marked as they say: the spam score's ballot check
    // confirms it (one blank picture from several accounts would be a flood of duplicates).
    const { definition } = await server.app.elections.require('e2e-open');
    const ids = ['ballot-kk', 'ballot-ru', 'ballot-en', 'ballot-late', 'album-1', 'album-2', 'early'];
    for (const [seed, id] of ids.entries()) {
      const photo = await generateBallotPhoto(definition, {
        seed: 40 + seed,
        marking: { kind: 'one', choiceId: 'nur-otan' },
      });
      server.fake.addFile(id, photo.jpeg);
    }
  });

  afterAll(async () => {
    await server?.stop();
  });

  async function voters(slug: string, area: string) {
    const response = await fetch(`${server.url}/api/v1/elections/${slug}/summary?area=${area}`);
    const body = (await response.json()) as {
      voters: Record<string, number> & { choices: Array<{ id: string; count: number }> };
    };
    return body.voters;
  }
  async function waitForVoters(
    slug: string,
    area: string,
    check: (v: Awaited<ReturnType<typeof voters>>) => boolean,
  ) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const figures = await voters(slug, area);
      if (check(figures)) return figures;
      if (Date.now() > deadline)
        throw new Error(`figures for ${area} never matched: ${JSON.stringify(figures)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const countOf = (figures: Awaited<ReturnType<typeof voters>>, id: string) =>
    figures.choices.find((c) => c.id === id)?.count;

  it('takes a vote with a photo from /start to thanks in Kazakh, Russian and English', async () => {
    const names = { kk: 'Өңір 1', ru: 'Регион 1', en: 'Region 1' } as const;
    const parties = { kk: '«Nur Otan» партиясы', ru: 'Партия «Nur Otan»', en: 'Nur Otan Party' } as const;
    await Promise.all(
      (['kk', 'ru', 'en'] as const).map(async (locale) => {
        const chat = voter();
        await chat.command('start');
        expect(
          chat
            .panel()
            .buttons.flat()
            .map((b) => b.text),
        ).toEqual(['Қазақша', 'Русский', 'English']);

        const [note] = await chat.press(`l:${locale}`);
        expect(note).toContain(t(locale, 'voter.language_set'));
        expect(note).toContain(t(locale, 'voter.privacy_note'));

        const [regions] = await chat.pressLabel(t(locale, 'voter.continue'));
        expect(regions).toContain(t(locale, 'voter.choose_region'));
        await chat.pressLabel(names[locale]);
        expect(chat.buttonData()).toEqual(['a:r1-d1', 'a:r1-d2', 'bk']);
        await chat.press('a:r1-d1');
        const [precincts] = await chat.press('a:p1').then(() => [chat.lastText()]);
        expect(precincts).toContain(t(locale, 'voter.choose_choice'));
        const labels = chat
          .panel()
          .buttons.flat()
          .map((b) => b.text);
        expect(labels).toContain(parties[locale]);
        expect(labels.at(-1)).toBe(t(locale, 'voter.back'));

        await chat.pressLabel(parties[locale]);
        expect(chat.lastText()).toContain(t(locale, 'voter.send_photo'));
        const [summary] = await chat.photo(`ballot-${locale}`);
        expect(summary).toContain(t(locale, 'voter.photo_received'));
        expect(summary).toContain(t(locale, 'voter.summary_choice', { choice: parties[locale] }));
        expect(summary).toContain(t(locale, 'voter.summary_photo_yes'));

        const [thanks] = await chat.press('ok');
        expect(thanks).toContain(t(locale, 'voter.thanks', { url: '' }).replace(/\s*$/, ''));
        expect(thanks).toContain('election=e2e-open');
        // Navigation edits one panel in place: far fewer messages than steps.
        const sent = chat.outputs().filter((c) => c.method === 'sendMessage').length;
        expect(sent).toBeLessThanOrEqual(3);
        // Every text was rendered from the catalogs: no raw key reached the user.
        for (const call of chat.outputs())
          expect(String(call.params.text)).not.toMatch(/\b(voter|common)\.[a-z_]+/);
      }),
    );
    // The photos pass the pipeline's checks and the three votes show publicly. One test script
    // drives all three at machine speed with the same pauses (the spam score's `inhumanly-fast`
    // and `identical-timing`), so some may wait for a moderator: counted, never spam.
    const figures = await waitForVoters('e2e-open', 'p1', (v) => v.counted === 3);
    expect(figures).toMatchObject({ received: 3, counted: 3, spam: 0 });
    expect((figures.confirmed ?? 0) + (figures.pendingReview ?? 0)).toBe(3);
    expect(countOf(figures, 'nur-otan')).toBe(3);
  });

  it('answers every kind of unexpected message at every step, and the step carries on', async () => {
    const steps: Record<string, (chat: TelegramVoterDriver) => Promise<void>> = {
      choose_language: async (chat) => {
        await chat.command('start');
      },
      privacy_note: async (chat) => {
        await chat.command('start');
        await chat.press('l:en');
      },
      choose_area: async (chat) => {
        await steps.privacy_note!(chat);
        await chat.press('go');
      },
      choose_choice: async (chat) => {
        await steps.choose_area!(chat);
        await chat.text('103');
      },
      send_photo: async (chat) => {
        await steps.choose_choice!(chat);
        await chat.press('ch:adal');
      },
      confirm: async (chat) => {
        await steps.send_photo!(chat);
        await chat.press('np');
      },
      correct_menu: async (chat) => {
        await steps.confirm!(chat);
        await chat.press('ed');
      },
      voted: async (chat) => {
        await steps.confirm!(chat);
        await chat.press('ok');
        await chat.command('start');
      },
      confirm_delete: async (chat) => {
        await steps.choose_area!(chat);
        await chat.command('delete');
      },
    };
    const reprompts = (
      [
        'voter.unexpected_text',
        'voter.unexpected_sticker',
        'voter.unexpected_document',
        'voter.unexpected_video',
        'voter.unexpected_location',
        'voter.unexpected_contact',
        'voter.unexpected_other',
      ] satisfies MessageKey[]
    ).map((key) => t('en', key));
    await Promise.all(
      Object.entries(steps).map(async ([step, reach]) => {
        const chat = voter('en');
        await reach(chat);
        const buttons = chat.buttonData();
        const replies = await chat.post(chat.unexpectedBurst());
        expect(replies, step).toHaveLength(reprompts.length);
        replies.forEach((reply, i) =>
          expect(reply.startsWith(reprompts[i]!), `${step}: ${reply}`).toBe(true),
        );
        expect(chat.buttonData(), step).toEqual(buttons);
        // The step still works: its first button does what it did before.
        const [after] = await chat.press(buttons[0]!);
        expect(after, step).not.toContain(t('en', 'voter.stale_button'));
      }),
    );
    // The contact's phone number went nowhere near the logs.
    expect(server.logs.text()).not.toContain('77001234567');
  });

  it('keeps a photo sent before the precinct, and answers the rest of an album once', async () => {
    const chat = voter('en');
    await chat.command('start');
    await chat.press('l:en');
    const [kept] = await chat.photo('early');
    expect(kept).toContain(t('en', 'voter.photo_kept_for_later'));
    await chat.press('go');
    await chat.text('202');
    const [summary] = await chat.press('ch:auyl');
    expect(summary).toContain(t('en', 'voter.summary_photo_yes'));

    const other = voter('en');
    await steps(other);
    const [first] = await other.photo('album-1', { albumId: 'alb-7' });
    expect(first).toContain(t('en', 'voter.photo_received'));
    const [second] = await other.photo('album-2', { albumId: 'alb-7' });
    expect(second).toContain(t('en', 'voter.extra_photo_ignored'));
    async function steps(c: TelegramVoterDriver) {
      await c.command('start');
      await c.press('l:en');
      await c.press('go');
      await c.text('202');
      await c.press('ch:auyl');
    }
  });

  it('shows a returning voter their vote and moves the count when they correct it', async () => {
    const chat = voter('ru');
    await chat.command('start');
    await chat.press('l:ru');
    await chat.press('go');
    await chat.text('№ 102');
    await chat.press('ch:ak-zhol');
    await chat.press('np');
    await chat.press('ok');
    await waitForVoters('e2e-open', 'p2', (v) => countOf(v, 'ak-zhol') === 1);

    const [current] = await chat.command('start');
    expect(current).toBe(
      t('ru', 'voter.current_vote', { number: '102', choice: 'Демократическая партия Казахстана «Ак жол»' }),
    );
    await chat.press('chg');
    await chat.press('ed:c');
    await chat.press('ch:against-all');
    const [thanks] = await chat.press('ok');
    expect(thanks).toContain(t('ru', 'voter.thanks', { url: '' }).trim());
    const figures = await waitForVoters('e2e-open', 'p2', (v) => countOf(v, 'against-all') === 1);
    expect(countOf(figures, 'ak-zhol')).toBe(0);
    // Counted either way; a test drives the conversation faster than a person can (the spam
    // score's `inhumanly-fast`), so it may wait for a moderator rather than count as "no photo".
    expect(figures).toMatchObject({ received: 1, counted: 1, againstAll: 1 });
    expect((figures.noPhoto ?? 0) + (figures.pendingReview ?? 0)).toBe(1);
  });

  it('/delete removes the voter and their vote while polls are open', async () => {
    const chat = voter('kk');
    await chat.command('start');
    await chat.press('l:kk');
    await chat.press('go');
    await chat.text('201');
    await chat.press('ch:adal');
    await chat.press('np');
    await chat.press('ok');
    await waitForVoters('e2e-open', 'p4', (v) => v.received === 1);

    const [question] = await chat.command('delete');
    expect(question).toContain(t('kk', 'voter.delete_confirm'));
    const [done] = await chat.press('del:y');
    expect(done).toContain(t('kk', 'voter.deleted'));
    await waitForVoters('e2e-open', 'p4', (v) => v.received === 0);
    // Nothing of the voter is left: /start begins with the language again.
    await chat.command('start');
    expect(chat.buttonData()).toEqual(['l:kk', 'l:ru', 'l:en']);
  });

  it('counts a message dated before close that arrives late, marked delayed, and refuses one dated after', async () => {
    const closed = await writeJustClosedElection('e2e-closed');
    await server.app.elections.loadFile(closed.electionFile);
    const dated = { date: closed.datedBeforeClose };

    // Queued on the phone during a blackout: every message the voter typed is dated before close.
    const late = voter('en');
    await late.command('start', dated);
    await late.press('l:en');
    await late.press('go');
    await late.text('201', dated);
    await late.text('3', dated); // the third party on the ballot (Adal)
    await late.photo('ballot-late', dated);
    const [thanks] = await late.press('ok');
    expect(thanks).toContain(t('en', 'voter.thanks_delayed'));
    const figures = await waitForVoters('e2e-closed', 'p4', (v) => v.received === 1);
    expect(figures).toMatchObject({ delayed: 1 });
    expect(countOf(figures, 'adal')).toBe(1);

    const tooLate = voter('en');
    await tooLate.command('start');
    await tooLate.press('l:en');
    await tooLate.press('go');
    await tooLate.text('202');
    await tooLate.text('3');
    await tooLate.press('np');
    const [refused] = await tooLate.press('ok');
    expect(refused).toContain(t('en', 'voter.vote_not_accepted'));
    expect((await voters('e2e-closed', 'p5')).received).toBe(0);
  });
});

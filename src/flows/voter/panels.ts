/**
 * The "panel" of each stage: the one message with buttons the voter answers. Navigation
 * edits it in place (Telegram `editMessageText`) so a whole conversation costs few messages.
 */
import { pageOf, type GeographyArea } from '../../domain/geography';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../domain/locale';
import type { BotMessageKey, MessageText, OutboundButton, OutboundMessage } from '../messages';
import { encodeButton, fitsButtonData, type VoterButton } from './button-data';
import type { VoterContext, VoterState } from './voter-state';

/** Names one to a row, ten rows (17 regions: two pages); precinct numbers two to a row, sixteen a page. */
const DEFAULT_PAGE_SIZE = 10;
const DEFAULT_PRECINCT_PAGE_SIZE = 16;

const key = (name: BotMessageKey, params?: Record<string, string | number>): MessageText =>
  params ? { key: name, params } : { key: name };
const button = (label: MessageText, data: VoterButton): OutboundButton => ({
  label,
  data: encodeButton(data),
});

/**
 * The panel for the state's stage, after `prefix` (a reprompt or an acknowledgement).
 *
 * @example
 * panelFor(state, context, 'en', [{ key: 'voter.unexpected_sticker' }], false);
 * // { kind: 'send', text: [sticker reprompt, 'Choose your region.', …], buttons: [[Akmola], …] }
 */
export function panelFor(
  state: VoterState,
  context: VoterContext,
  locale: Locale,
  prefix: MessageText[],
  replacePanel: boolean,
): OutboundMessage {
  const { text, buttons } = panelContent(state, context, locale);
  return {
    kind: 'send',
    ...(replacePanel ? { replacePanel: true } : {}),
    text: [...prefix, ...text],
    ...(buttons.length > 0 ? { buttons } : {}),
  };
}

interface PanelContent {
  text: MessageText[];
  buttons: OutboundButton[][];
}

function panelContent(state: VoterState, context: VoterContext, locale: Locale): PanelContent {
  const election = context.election;
  switch (state.stage) {
    case 'choose_language':
      return {
        text: [key('voter.choose_language')],
        buttons: [
          LOCALES.map((l) => button({ literal: LANGUAGE_NAMES[l] }, { kind: 'language', locale: l })),
        ],
      };
    case 'privacy_note':
      return {
        text: [
          key('voter.welcome', { election: election?.names[locale] ?? '' }),
          ...(election?.demo ? [key('voter.demo_notice')] : []),
          ...officialChannelsNotice(election, locale),
          key('voter.privacy_note'),
        ],
        buttons: [[button(key('voter.continue'), { kind: 'continue' })]],
      };
    case 'choose_area':
      return areaPanel(state, context, locale);
    case 'choose_choice':
      return {
        text: [key('voter.choose_choice')],
        buttons: [
          ...(election?.choices ?? []).map((choice) => [
            button({ literal: choice.names[locale] }, { kind: 'choice', id: choice.id }),
          ]),
          [button(key('voter.back'), { kind: 'back' })],
        ],
      };
    case 'send_photo':
      return {
        text: [key('voter.send_photo')],
        buttons: [
          [button(key('voter.no_photo_button'), { kind: 'no_photo' })],
          [button(key('voter.back'), { kind: 'back' })],
        ],
      };
    case 'confirm':
      return {
        text: summaryLines(state, context, locale),
        buttons: [
          [
            button(key('voter.confirm'), { kind: 'confirm' }),
            button(key('voter.correct'), { kind: 'correct' }),
          ],
        ],
      };
    case 'correct_menu':
      return {
        text: [key('voter.correct_what')],
        buttons: [
          [
            button(key('voter.correct_precinct'), { kind: 'correct_part', part: 'precinct' }),
            button(key('voter.correct_choice'), { kind: 'correct_part', part: 'choice' }),
            button(key('voter.correct_photo'), { kind: 'correct_part', part: 'photo' }),
          ],
          [button(key('voter.back'), { kind: 'back' })],
        ],
      };
    case 'voted': {
      const vote = context.recordedVote;
      const precinct = vote ? context.geography?.area(vote.precinctCode) : undefined;
      return {
        text: [
          key('voter.current_vote', {
            number: precinct?.number ?? vote?.precinctCode ?? '',
            choice: choiceName(context, vote?.choiceId, locale),
          }),
        ],
        buttons: [[button(key('voter.change_vote'), { kind: 'change_vote' })]],
      };
    }
    case 'confirm_delete':
      return {
        text: [key('voter.delete_confirm')],
        buttons: [
          [
            button(key('voter.delete_yes'), { kind: 'delete', confirmed: true }),
            button(key('voter.delete_no'), { kind: 'delete', confirmed: false }),
          ],
        ],
      };
  }
}

/** The prompt for the list of `parent`'s children, named by what the children are. */
function areaPrompt(
  parent: GeographyArea | undefined,
  childrenArePrecincts: boolean,
  locale: Locale,
): MessageText {
  const area = parent?.names[locale] ?? '';
  if (childrenArePrecincts) return key('voter.choose_precinct', { area });
  return parent ? key('voter.choose_district', { area }) : key('voter.choose_region');
}

function areaPanel(state: VoterState, context: VoterContext, locale: Locale): PanelContent {
  const geography = context.geography;
  if (!geography) return { text: [key('voter.no_election')], buttons: [] };
  const parentCode = state.draft.areaCode ?? null;
  const children = geography.children(parentCode);
  const childrenArePrecincts = children.length > 0 && geography.isPrecinct(children[0]!.code);
  const pageSize =
    context.pageSize ?? (childrenArePrecincts ? DEFAULT_PRECINCT_PAGE_SIZE : DEFAULT_PAGE_SIZE);
  const page = pageOf(children, state.draft.page ?? 0, pageSize);
  const offset = page.page * pageSize;
  const areaButtons = page.items.map((area, i) => {
    const label: MessageText = childrenArePrecincts
      ? key('voter.precinct_label', { number: area.number ?? area.code })
      : { literal: area.names[locale] };
    const byCode = encodeButton({ kind: 'area', code: area.code });
    return fitsButtonData(byCode)
      ? { label, data: byCode }
      : button(label, { kind: 'area_index', index: offset + i });
  });
  // Precinct labels are short: two to a row keeps a page on one phone screen.
  const perRow = childrenArePrecincts ? 2 : 1;
  const rows: OutboundButton[][] = [];
  for (let i = 0; i < areaButtons.length; i += perRow) rows.push(areaButtons.slice(i, i + perRow));
  const paging: OutboundButton[] = [];
  if (page.page > 0) paging.push(button(key('voter.page_previous'), { kind: 'page', page: page.page - 1 }));
  if (page.page < page.pages - 1)
    paging.push(button(key('voter.page_next'), { kind: 'page', page: page.page + 1 }));
  if (paging.length > 0) rows.push(paging);
  if (parentCode !== null || state.draft.correcting) rows.push([button(key('voter.back'), { kind: 'back' })]);
  const parent = parentCode === null ? undefined : geography.area(parentCode);
  return {
    text: [
      areaPrompt(parent, childrenArePrecincts, locale),
      ...(page.pages > 1 ? [key('voter.page', { page: page.page + 1, pages: page.pages })] : []),
      key('voter.type_precinct_number'),
    ],
    buttons: rows,
  };
}

function summaryLines(state: VoterState, context: VoterContext, locale: Locale): MessageText[] {
  const { draft } = state;
  const precinct = draft.precinctCode ? context.geography?.area(draft.precinctCode) : undefined;
  const parent = precinct?.parentCode ? context.geography?.area(precinct.parentCode) : undefined;
  const hasPhoto = draft.photo !== undefined || (draft.keepRecordedPhoto ?? false);
  return [
    key('voter.summary_title'),
    key('voter.summary_precinct', {
      number: precinct?.number ?? draft.precinctCode ?? '',
      area: parent?.names[locale] ?? '',
    }),
    key('voter.summary_choice', { choice: choiceName(context, draft.choiceId, locale) }),
    key(hasPhoto ? 'voter.summary_photo_yes' : 'voter.summary_photo_no'),
  ];
}

function choiceName(context: VoterContext, choiceId: string | undefined, locale: Locale): string {
  const choice = context.election?.choices.find((c) => c.id === choiceId);
  return choice ? choice.names[locale] : (choiceId ?? '');
}

/**
 * The organisers' own bots and the warning against copies (a fake copy of the 2021 voter bot
 * collected votes): in the welcome and /help, so a voter meets it in the bot itself, not only
 * on the dashboard. Nothing when the election file names neither.
 *
 * @example
 * officialChannelsNotice(election, 'en'); // ['Official: @dauys_kz_bot.', 'Beware of impostor bots: …']
 */
export function officialChannelsNotice(election: VoterContext['election'], locale: Locale): MessageText[] {
  const official = election?.officialChannels;
  if (!official) return [];
  return [
    ...(official.handles.length > 0
      ? [key('voter.official_channels', { handles: official.handles.join(', ') })]
      : []),
    ...(official.impostorWarning ? [{ literal: official.impostorWarning[locale] }] : []),
  ];
}

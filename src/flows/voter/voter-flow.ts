/**
 * The voter conversation as a pure state machine: /start → language → what is stored →
 * region → district → precinct → choice → photo (or "I can't send one") → summary → thanks.
 * Anything unexpected at any step gets a short reprompt and the step's panel again; the state
 * only changes on an answer the step can use.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../domain/locale';
import type { Flow, FlowStep } from '../flow';
import type { BotMessageKey, InboundMessage, MediaRef, MessageText, OutboundMessage } from '../messages';
import { decodeButton, type VoterButton } from './button-data';
import { compactVoteStep } from './compact-vote-step';
import { officialChannelsNotice, panelFor } from './panels';
import { reprompt } from './unexpected-input';
import {
  initialVoterState,
  type VoterContext,
  type VoterEffect,
  type VoterStage,
  type VoterState,
} from './voter-state';

type Step = FlowStep<VoterState, VoterEffect>;

/** What every handler needs: the message, the context and the locale to answer in. */
interface Turn {
  message: InboundMessage;
  context: VoterContext;
  locale: Locale;
  isButton: boolean;
}

const key = (name: BotMessageKey, params?: Record<string, string | number>): MessageText =>
  params ? { key: name, params } : { key: name };

/**
 * Runs one step of the voter conversation.
 *
 * @example
 * const step = voterFlow(undefined, { …message, content: { kind: 'command', command: 'start', args: '' } }, context);
 * step.state.stage; // 'choose_language'
 */
export const voterFlow: Flow<VoterState, VoterContext, VoterEffect> = (saved, message, context) => {
  const state = normalizeState(saved, context);
  const turn: Turn = {
    message,
    context,
    locale: state.locale ?? message.clientLocale ?? DEFAULT_LOCALE,
    isButton: message.content.kind === 'button',
  };
  const step = dispatch(state, turn);
  return withButtonAnswered(step, message);
};

function dispatch(state: VoterState, turn: Turn): Step {
  const { content } = turn.message;
  if (content.kind === 'command') return onCommand(state, turn, content.command);
  if (content.kind === 'button') {
    const pressed = decodeButton(content.data);
    if (pressed?.kind === 'language' && state.stage === 'choose_language')
      return onLanguage(state, turn, pressed.locale);
    if (!hasElection(turn.context)) return say(state, turn, [key('voter.no_election')]);
    return (pressed && onButton(state, turn, pressed)) ?? staleButton(state, turn);
  }
  if (!hasElection(turn.context)) return say(state, turn, [key('voter.no_election')]);
  return onMessage(state, turn);
}

function hasElection(context: VoterContext): boolean {
  return context.election !== undefined && context.geography !== undefined;
}

/** Saved state from an older election, or one whose vote is gone, starts again sensibly. */
function normalizeState(saved: VoterState | undefined, context: VoterContext): VoterState {
  let state = saved?.version === 1 ? saved : initialVoterState();
  const slug = context.election?.slug;
  if (slug && state.electionSlug !== slug) {
    const stage: VoterStage = !state.locale
      ? 'choose_language'
      : context.recordedVote
        ? 'voted'
        : 'privacy_note';
    state = {
      version: 1,
      stage,
      ...(state.locale ? { locale: state.locale } : {}),
      electionSlug: slug,
      draft: {},
    };
  }
  if (state.stage === 'voted' && !context.recordedVote)
    state = { ...state, stage: 'privacy_note', draft: {} };
  return state;
}

// ─── replies ──────────────────────────────────────────────────────────────────────────────

function result(state: VoterState, replies: OutboundMessage[], effects: VoterEffect[] = []): Step {
  return { state, replies, effects };
}

/** The stage's panel, after `prefix`; a button press edits the panel in place. */
function show(state: VoterState, turn: Turn, prefix: MessageText[] = [], effects: VoterEffect[] = []): Step {
  const locale = state.locale ?? turn.locale;
  return result(state, [panelFor(state, turn.context, locale, prefix, turn.isButton)], effects);
}

/** A message without buttons; the state is kept. */
function say(state: VoterState, turn: Turn, text: MessageText[]): Step {
  return result(state, [{ kind: 'send', text }]);
}

function staleButton(state: VoterState, turn: Turn): Step {
  const callbackId = turn.message.content.kind === 'button' ? turn.message.content.callbackId : undefined;
  if (!callbackId) return show(state, { ...turn, isButton: false }, [key('voter.stale_button')]);
  return result(state, [{ kind: 'answer_button', callbackId, text: key('voter.stale_button') }]);
}

/** Every button press is answered exactly once (Telegram shows a spinner until it is). */
function withButtonAnswered(step: Step, message: InboundMessage): Step {
  if (message.content.kind !== 'button' || !message.content.callbackId) return step;
  if (step.replies.some((reply) => reply.kind === 'answer_button')) return step;
  return {
    ...step,
    replies: [{ kind: 'answer_button', callbackId: message.content.callbackId }, ...step.replies],
  };
}

// ─── commands: they work at any step ──────────────────────────────────────────────────────

function onCommand(state: VoterState, turn: Turn, command: string): Step {
  switch (command.toLowerCase()) {
    case 'start':
      return onStart(state, turn);
    case 'language':
    case 'lang':
      return show(
        {
          ...state,
          stage: 'choose_language',
          ...(state.stage !== 'choose_language' && state.locale ? { resumeStage: state.stage } : {}),
        },
        turn,
      );
    case 'fake':
    case 'impostor':
      return onImpostorReport(state, turn);
    case 'help':
      return say(state, turn, [
        key('voter.help'),
        ...officialChannelsNotice(turn.context.election, turn.locale),
      ]);
    case 'privacy':
      return say(state, turn, [key('voter.privacy')]);
    case 'delete':
      if (state.stage === 'confirm_delete') return show(state, turn);
      return show({ ...state, stage: 'confirm_delete', resumeStage: state.stage }, turn);
    default:
      return say(state, turn, [key('common.unknown_command')]);
  }
}

function onStart(state: VoterState, turn: Turn): Step {
  // The web chat's page has its own language switch and sends the language it shows: asking
  // again would be a question already answered. Messengers only guess from the phone's settings.
  const pageLocale = turn.message.channel === 'webchat' ? turn.message.clientLocale : undefined;
  if (!state.locale && pageLocale)
    return onLanguage(
      { ...initialVoterState(), ...slugOf(turn) },
      { ...turn, locale: pageLocale },
      pageLocale,
    );
  if (!state.locale) return show({ ...initialVoterState(), ...slugOf(turn) }, turn);
  if (!hasElection(turn.context)) return say(state, turn, [key('voter.no_election')]);
  const base: VoterState = {
    version: 1,
    stage: 'privacy_note',
    locale: state.locale,
    ...slugOf(turn),
    draft: {},
  };
  if (state.heldPhoto) base.heldPhoto = state.heldPhoto;
  if (state.forwardedPhotos) base.forwardedPhotos = state.forwardedPhotos;
  return show(turn.context.recordedVote ? { ...base, stage: 'voted' } : base, turn);
}

function slugOf(turn: Turn): { electionSlug?: string } {
  return turn.context.election ? { electionSlug: turn.context.election.slug } : {};
}

function onLanguage(state: VoterState, turn: Turn, locale: Locale): Step {
  const chosen: VoterState = { ...state, locale };
  const prefix = [key('voter.language_set')];
  if (!hasElection(turn.context))
    return say(chosen, { ...turn, locale }, [...prefix, key('voter.no_election')]);
  const { resumeStage, ...rest } = chosen;
  const next: VoterState = { ...rest, stage: resumeStage ?? 'privacy_note' };
  return show(next, { ...turn, locale }, prefix);
}

// ─── buttons ──────────────────────────────────────────────────────────────────────────────

/** Handles a button the current stage offers; `undefined` means the button is stale. */
function onButton(state: VoterState, turn: Turn, pressed: VoterButton): Step | undefined {
  const { draft } = state;
  switch (state.stage) {
    case 'privacy_note':
      if (pressed.kind === 'continue') return show({ ...state, stage: 'choose_area', draft: {} }, turn);
      return undefined;
    case 'choose_area':
      return onAreaButton(state, turn, pressed);
    case 'choose_choice':
      if (pressed.kind === 'choice') return chooseChoice(state, turn, pressed.id);
      if (pressed.kind === 'back') {
        if (draft.correcting) return show({ ...state, stage: 'confirm' }, turn);
        const precinct = draft.precinctCode ? turn.context.geography?.area(draft.precinctCode) : undefined;
        const { precinctCode: _precinct, ...rest } = withoutPlace(draft);
        return show(
          { ...state, stage: 'choose_area', draft: { ...rest, ...areaOf(precinct?.parentCode) } },
          turn,
        );
      }
      return undefined;
    case 'send_photo':
      if (pressed.kind === 'no_photo') {
        const { photo: _photo, photoAlbumId: _album, keepRecordedPhoto: _keep, ...rest } = draft;
        return show({ ...state, stage: 'confirm', draft: { ...rest, noPhoto: true } }, turn);
      }
      if (pressed.kind === 'back')
        return show({ ...state, stage: draft.correcting ? 'confirm' : 'choose_choice' }, turn);
      return undefined;
    case 'confirm':
      if (pressed.kind === 'confirm') return confirmVote(state, turn);
      if (pressed.kind === 'correct') return show({ ...state, stage: 'correct_menu' }, turn);
      return undefined;
    case 'correct_menu':
      return onCorrectButton(state, turn, pressed);
    case 'voted':
      if (pressed.kind === 'change_vote' && turn.context.recordedVote) {
        const vote = turn.context.recordedVote;
        return show(
          {
            ...state,
            stage: 'correct_menu',
            draft: {
              precinctCode: vote.precinctCode,
              choiceId: vote.choiceId,
              ...(vote.hasPhoto ? { keepRecordedPhoto: true } : { noPhoto: true }),
              correcting: true,
            },
          },
          turn,
        );
      }
      return undefined;
    case 'confirm_delete':
      if (pressed.kind === 'delete')
        return pressed.confirmed ? deleteVoter(state, turn) : cancelDelete(state, turn);
      return undefined;
    case 'choose_language':
      return undefined;
  }
}

function onAreaButton(state: VoterState, turn: Turn, pressed: VoterButton): Step | undefined {
  const geography = turn.context.geography!;
  const { draft } = state;
  const parentCode = draft.areaCode ?? null;
  switch (pressed.kind) {
    case 'area': {
      const area = geography.area(pressed.code);
      if (!area || area.parentCode !== parentCode) return undefined;
      return pickArea(state, turn, area.code);
    }
    case 'area_index': {
      const area = geography.children(parentCode)[pressed.index];
      return area ? pickArea(state, turn, area.code) : undefined;
    }
    case 'page':
      return show({ ...state, draft: { ...draft, page: pressed.page } }, turn);
    case 'back': {
      if (parentCode === null)
        return draft.correcting ? show({ ...state, stage: 'confirm' }, turn) : undefined;
      const parent = geography.area(parentCode);
      const { areaCode: _area, page: _page, ...rest } = draft;
      return show({ ...state, draft: { ...rest, ...areaOf(parent?.parentCode) } }, turn);
    }
    default:
      return undefined;
  }
}

function onCorrectButton(state: VoterState, turn: Turn, pressed: VoterButton): Step | undefined {
  const draft = { ...state.draft, correcting: true };
  if (pressed.kind === 'back') return show({ ...state, stage: 'confirm', draft }, turn);
  if (pressed.kind !== 'correct_part') return undefined;
  if (pressed.part === 'choice') return show({ ...state, stage: 'choose_choice', draft }, turn);
  if (pressed.part === 'photo') return show({ ...state, stage: 'send_photo', draft }, turn);
  // Start from the district the precinct is in: a mistyped precinct is usually a neighbour.
  const precinct = draft.precinctCode ? turn.context.geography?.area(draft.precinctCode) : undefined;
  return show(
    { ...state, stage: 'choose_area', draft: { ...withoutPlace(draft), ...areaOf(precinct?.parentCode) } },
    turn,
  );
}

function areaOf(code: string | null | undefined): { areaCode?: string } {
  return code ? { areaCode: code } : {};
}

function withoutPlace(draft: VoterState['draft']): VoterState['draft'] {
  const { areaCode: _area, page: _page, ...rest } = draft;
  return rest;
}

// ─── choosing ─────────────────────────────────────────────────────────────────────────────

function pickArea(state: VoterState, turn: Turn, code: string, prefix: MessageText[] = []): Step {
  const geography = turn.context.geography!;
  if (!geography.isPrecinct(code)) {
    return show({ ...state, draft: { ...withoutPlace(state.draft), areaCode: code } }, turn, prefix);
  }
  const draft = { ...withoutPlace(state.draft), precinctCode: code };
  let next: VoterState = { ...state, draft };
  const held = state.heldPhoto;
  if (held && !draft.photo) {
    const { heldPhoto: _held, ...rest } = next;
    next = { ...rest, draft: withPhoto(draft, held.media, held.albumId, held) };
  }
  const stage: VoterStage = next.draft.correcting
    ? 'confirm'
    : next.draft.choiceId
      ? nextAfterChoice(next)
      : 'choose_choice';
  return show({ ...next, stage }, turn, prefix);
}

function chooseChoice(
  state: VoterState,
  turn: Turn,
  choiceId: string,
  prefix: MessageText[] = [],
): Step | undefined {
  if (!turn.context.election?.choices.some((choice) => choice.id === choiceId)) return undefined;
  const { datedAt: _dated, deviceDated: _device, ...rest } = state.draft;
  const draft = { ...rest, choiceId, ...latest(state.draft, messageDate(turn.message)) };
  const next: VoterState = { ...state, draft };
  return show({ ...next, stage: draft.correcting ? 'confirm' : nextAfterChoice(next) }, turn, prefix);
}

/** After the choice: the summary when the photo question is already answered, else the photo. */
function nextAfterChoice(state: VoterState): VoterStage {
  const { draft } = state;
  return draft.photo || draft.noPhoto || draft.keepRecordedPhoto ? 'confirm' : 'send_photo';
}

function withPhoto(
  draft: VoterState['draft'],
  media: MediaRef,
  albumId: string | undefined,
  dated: MessageDate,
): VoterState['draft'] {
  const {
    datedAt: _dated,
    deviceDated: _device,
    noPhoto: _no,
    keepRecordedPhoto: _keep,
    albumNoticeSent: _notice,
    photoAlbumId: _album,
    ...rest
  } = draft;
  return {
    ...rest,
    photo: media,
    ...(albumId ? { photoAlbumId: albumId } : {}),
    ...latest(draft, dated),
  };
}

/** When a message the vote is composed of was sent, and whether a device's clock says so. */
type MessageDate = { sentAt: string; deviceDated?: true };

function messageDate(message: Turn['message']): MessageDate {
  return {
    sentAt: message.sentAt.toISOString(),
    ...(message.dating === 'device' ? { deviceDated: true } : {}),
  };
}

/** The later of the draft's date and a message's, with where that date came from. */
function latest(
  draft: VoterState['draft'],
  dated: MessageDate,
): Pick<VoterState['draft'], 'datedAt' | 'deviceDated'> {
  const keep = draft.datedAt !== undefined && draft.datedAt > dated.sentAt;
  const [datedAt, device] = keep ? [draft.datedAt!, draft.deviceDated] : [dated.sentAt, dated.deviceDated];
  return { datedAt, ...(device ? { deviceDated: true } : {}) };
}

// ─── confirming and deleting ──────────────────────────────────────────────────────────────

function confirmVote(state: VoterState, turn: Turn): Step {
  const { draft } = state;
  const { election, geography } = turn.context;
  const precinctOk = draft.precinctCode !== undefined && geography!.isPrecinct(draft.precinctCode);
  const choiceOk = election!.choices.some((choice) => choice.id === draft.choiceId);
  if (!precinctOk || !choiceOk) {
    // The geography or the choices changed under the draft: choose again rather than record nonsense.
    return show({ ...state, stage: 'choose_area', draft: {} }, turn, [key('voter.stale_button')]);
  }
  const datedAt = draft.datedAt ? new Date(draft.datedAt) : turn.message.sentAt;
  const deviceDated = draft.datedAt ? draft.deviceDated === true : turn.message.dating === 'device';
  const verdict = turn.context.judgeVote(datedAt);
  if (!verdict.accepted) return say(state, turn, [key('voter.vote_not_accepted')]);
  const effect: VoterEffect = {
    kind: 'record_vote',
    electionSlug: election!.slug,
    precinctCode: draft.precinctCode!,
    choiceId: draft.choiceId!,
    ...(draft.photo ? { photo: draft.photo } : {}),
    keepRecordedPhoto: !draft.photo && (draft.keepRecordedPhoto ?? false),
    sentAt: datedAt,
    delayed: verdict.delayed,
    ...(deviceDated ? { deviceDated: true } : {}),
    ...(state.forwardedPhotos ? { forwardedPhotos: state.forwardedPhotos } : {}),
  };
  const { heldPhoto: _held, resumeStage: _resume, forwardedPhotos: _forwarded, ...rest } = state;
  const thanks = [
    ...(verdict.delayed ? [key('voter.thanks_delayed')] : []),
    key('voter.thanks', { url: turn.context.resultsUrl }),
  ];
  return result(
    { ...rest, stage: 'voted', draft: {} },
    [{ kind: 'send', replacePanel: turn.isButton, text: thanks }],
    [effect],
  );
}

function deleteVoter(state: VoterState, turn: Turn): Step {
  const open = turn.context.judgeVote(turn.message.sentAt).accepted;
  const keepVote = !open && turn.context.recordedVote !== undefined;
  const effect: VoterEffect = { kind: 'delete_voter', ...slugOf(turn), keepVote };
  // The service deletes the saved state; this one only carries the locale for the reply.
  const after: VoterState = { ...initialVoterState(), ...(state.locale ? { locale: state.locale } : {}) };
  return result(
    after,
    [
      {
        kind: 'send',
        replacePanel: turn.isButton,
        text: [key(keepVote ? 'voter.delete_after_close' : 'voter.deleted')],
      },
    ],
    [effect],
  );
}

function cancelDelete(state: VoterState, turn: Turn): Step {
  const { resumeStage, ...rest } = state;
  const stage = resumeStage && resumeStage !== 'confirm_delete' ? resumeStage : 'choose_language';
  return show({ ...rest, stage }, turn, [key('voter.delete_cancelled')]);
}

// ─── messages that are not buttons or commands ────────────────────────────────────────────

function onMessage(state: VoterState, turn: Turn): Step {
  const { content } = turn.message;
  if (content.kind === 'text') return onText(state, turn, content.text);
  if (content.kind === 'photo' && content.forwarded) return onForwardedPhoto(state, turn);
  if (content.kind === 'photo') return onPhoto(state, turn, content.media, content.albumId);
  return show(state, turn, [reprompt(content)]);
}

/**
 * A forwarded picture is someone's photo from a channel or another chat, not the voter's own
 * ballot: it confirms nothing. The voter is told, the step stays where it was, and the count
 * goes with the next vote to the spam score (forwarding one picture is how a crowd fakes photos).
 */
function onForwardedPhoto(state: VoterState, turn: Turn): Step {
  const next: VoterState = { ...state, forwardedPhotos: (state.forwardedPhotos ?? 0) + 1 };
  return show(next, turn, [key('voter.photo_forwarded')]);
}

function onText(state: VoterState, turn: Turn, text: string): Step {
  // A whole vote in one message (SMS): recorded at any step but the delete question's.
  if (state.stage !== 'confirm_delete') {
    const compact = compactVoteStep(state, turn.message, turn.context, turn.locale);
    if (compact) return compact;
  }
  const typed = text.trim();
  // A channel without buttons (SMS) shows them as a numbered list: a typed option number is
  // that button pressed — the list is what the participant answers. A number beyond the list is
  // read as before (a precinct's number at the area step); at the choice step the list is the
  // ballot, so its numbers already mean the same.
  const option = turn.message.textOnly && /^\d{1,2}$/.test(typed) ? Number(typed) : undefined;
  if (option !== undefined && state.stage !== 'choose_choice') {
    const pressed = optionPressed(state, turn, option);
    if (pressed) return pressed;
  }
  switch (state.stage) {
    case 'choose_language': {
      const locale = languageNamed(typed);
      return locale ? onLanguage(state, turn, locale) : show(state, turn, [key('voter.unexpected_text')]);
    }
    case 'choose_area':
      return onTypedPrecinct(state, turn, typed);
    case 'choose_choice': {
      // Typing the choice's number on the ballot works too (channels without buttons).
      const position = /^\d{1,2}$/.test(typed) ? Number(typed) : NaN;
      const choice = turn.context.election!.choices[position - 1];
      return (
        (choice && chooseChoice(state, turn, choice.id)) ?? show(state, turn, [key('voter.unexpected_text')])
      );
    }
    default:
      return show(state, turn, [key('voter.unexpected_text')]);
  }
}

const LANGUAGE_WORDS: Record<string, Locale> = {
  қазақша: 'kk',
  казахский: 'kk',
  kazakh: 'kk',
  русский: 'ru',
  орысша: 'ru',
  russian: 'ru',
  english: 'en',
  английский: 'en',
  ағылшынша: 'en',
};

function languageNamed(typed: string): Locale | undefined {
  const word = typed.toLowerCase();
  if ((LOCALES as readonly string[]).includes(word)) return word as Locale;
  return LANGUAGE_WORDS[word];
}

/**
 * `/fake @handle` (or `/impostor …`): a voter tells us of a bot pretending to be this one. The
 * handle is kept as typed (trimmed, one line, ≤ 64 characters) and counted per handle in the
 * console; the answer names the official bots again. Without a handle, the answer says how.
 */
function onImpostorReport(state: VoterState, turn: Turn): Step {
  const content = turn.message.content;
  const handle = (content.kind === 'command' ? content.args : '').replace(/\s+/g, ' ').trim().slice(0, 64);
  if (!hasElection(turn.context)) return say(state, turn, [key('voter.no_election')]);
  if (handle === '') return say(state, turn, [key('voter.impostor_how')]);
  const step = say(state, turn, [
    key('voter.impostor_thanks'),
    ...officialChannelsNotice(turn.context.election, turn.locale),
  ]);
  return { ...step, effects: [{ kind: 'report_impostor', handle, sentAt: turn.message.sentAt }] };
}

/** The `option`th button of the panel the participant sees, pressed; undefined when there is none. */
function optionPressed(state: VoterState, turn: Turn, option: number): Step | undefined {
  const panel = panelFor(state, turn.context, turn.locale, [], false);
  const button = panel.kind === 'send' ? (panel.buttons ?? []).flat()[option - 1] : undefined;
  if (!button) return undefined;
  return voterFlow(state, { ...turn.message, content: { kind: 'button', data: button.data } }, turn.context);
}

function onTypedPrecinct(state: VoterState, turn: Turn, typed: string): Step {
  const geography = turn.context.geography!;
  const within = state.draft.areaCode ?? null;
  let matches = geography.findPrecinctsByNumber(within, typed);
  // A number that is not in the area shown but exists once elsewhere is taken as meant.
  if (matches.length === 0 && within !== null) {
    const anywhere = geography.findPrecinctsByNumber(null, typed);
    if (anywhere.length === 1) matches = anywhere;
  }
  if (matches.length === 1) return pickArea(state, turn, matches[0]!.code);
  const number = typed.replace(/^\D+/, '');
  if (!/^\d+$/.test(number)) return show(state, turn, [key('voter.unexpected_text')]);
  if (matches.length > 1) {
    // The prompt names what the list under it shows: regions at the top, districts below.
    const which =
      within === null ? 'voter.precinct_number_ambiguous_region' : 'voter.precinct_number_ambiguous';
    return show(state, turn, [key(which, { number })]);
  }
  const area = within ? geography.area(within)?.names[state.locale ?? turn.locale] : undefined;
  return show(state, turn, [
    area
      ? key('voter.precinct_number_unknown', { number, area })
      : key('voter.precinct_number_unknown_anywhere', { number }),
  ]);
}

function onPhoto(state: VoterState, turn: Turn, media: MediaRef, albumId: string | undefined): Step {
  const { draft } = state;
  const sentAt = messageDate(turn.message);
  switch (state.stage) {
    case 'send_photo':
      return show({ ...state, stage: 'confirm', draft: withPhoto(draft, media, albumId, sentAt) }, turn, [
        key('voter.photo_received'),
      ]);
    case 'choose_choice':
      if (draft.photo) return extraPhoto(state, turn, albumId);
      return show({ ...state, draft: withPhoto(draft, media, albumId, sentAt) }, turn, [
        key('voter.photo_received'),
      ]);
    case 'confirm':
    case 'correct_menu':
      if (draft.noPhoto) {
        return show({ ...state, stage: 'confirm', draft: withPhoto(draft, media, albumId, sentAt) }, turn, [
          key('voter.photo_received'),
        ]);
      }
      return extraPhoto(state, turn, albumId);
    case 'voted': {
      const vote = turn.context.recordedVote;
      if (!vote || vote.hasPhoto) return extraPhoto(state, turn, albumId);
      // A voter who could not send a photo earlier adds it now: the summary asks to confirm.
      const base = { precinctCode: vote.precinctCode, choiceId: vote.choiceId, correcting: true };
      return show({ ...state, stage: 'confirm', draft: withPhoto(base, media, albumId, sentAt) }, turn, [
        key('voter.photo_received'),
      ]);
    }
    case 'choose_language':
    case 'privacy_note':
    case 'choose_area':
      return holdPhoto(state, turn, media, albumId, sentAt);
    case 'confirm_delete':
      return show(state, turn, [key('voter.unexpected_photo')]);
  }
}

/** A photo before the precinct is known is kept and attached once it is. */
function holdPhoto(
  state: VoterState,
  turn: Turn,
  media: MediaRef,
  albumId: string | undefined,
  dated: MessageDate,
): Step {
  if (state.heldPhoto) {
    if (albumId && state.heldPhoto.albumId === albumId) return result(state, []);
    return show(state, turn, [key('voter.extra_photo_ignored')]);
  }
  const heldPhoto = { media, ...dated, ...(albumId ? { albumId } : {}) };
  return show({ ...state, heldPhoto }, turn, [key('voter.photo_kept_for_later')]);
}

/**
 * One photo per vote: a second one is answered, the first kept. The rest of an album arrives
 * as one message per photo; the voter hears about it once, not once per photo.
 */
function extraPhoto(state: VoterState, turn: Turn, albumId: string | undefined): Step {
  const { draft } = state;
  if (albumId && draft.photoAlbumId === albumId) {
    if (draft.albumNoticeSent) return result(state, []);
    return show({ ...state, draft: { ...draft, albumNoticeSent: true } }, turn, [
      key('voter.extra_photo_ignored'),
    ]);
  }
  return show(state, turn, [key('voter.extra_photo_ignored')]);
}

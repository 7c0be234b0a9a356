/**
 * A vote in one message (`V 190 2`, `Г 190 2`, `Д 190 2`): what an SMS voter types, and a
 * shortcut on every other channel. The vote is recorded at once, as the confirm button would
 * record the same precinct and choice; a new compact vote replaces it, as "change vote" does
 * until polls close. Anything not understood is named in the reply with the format, and
 * nothing is counted.
 */
import type { GeographyArea } from '../../domain/geography';
import type { Locale } from '../../domain/locale';
import { parseCompactVote, resolveChoice, type CompactVote } from '../compact/compact-vote';
import type { FlowStep } from '../flow';
import type { InboundMessage, MessageText } from '../messages';
import type { VoterContext, VoterEffect, VoterState } from './voter-state';

type Step = FlowStep<VoterState, VoterEffect>;

/**
 * Handles a compact vote; `undefined` when the text is not one.
 *
 * @example
 * compactVoteStep(state, { …message, content: { kind: 'text', text: 'V 190 2' } }, context, 'en')?.effects;
 * // [{ kind: 'record_vote', precinctCode: 'kz-ala-p0190', choiceId: 'nur-otan', … }]
 */
export function compactVoteStep(
  state: VoterState,
  message: InboundMessage,
  context: VoterContext,
  fallbackLocale: Locale,
): Step | undefined {
  if (message.content.kind !== 'text') return undefined;
  const parsed = parseCompactVote(message.content.text);
  if (!parsed) return undefined;
  const { election, geography } = context;
  if (!election || !geography) return undefined;
  // A first message by SMS may be the vote itself: its word is the best guess of the language.
  const locale = state.locale ?? parsed.localeHint ?? fallbackLocale;
  const spoken: VoterState = { ...state, locale };
  const refuse = (why: MessageText): Step => ({
    state: spoken,
    // One text that names what was wrong and shows the format: one SMS, not two.
    replies: [{ kind: 'send', text: [why] }],
    effects: [],
  });
  if (!parsed.ok)
    return refuse({
      key: parsed.problem === 'missing_precinct' ? 'voter.sms_no_precinct' : 'voter.sms_no_choice',
    });

  const precincts = findPrecincts(state, context, parsed.vote.precinct);
  const { number } = parsed.vote.precinct;
  if (precincts.length === 0) return refuse({ key: 'voter.sms_unknown_precinct', params: { number } });
  if (precincts.length > 1) {
    const regions = new Set(precincts.map((area) => geography.pathOf(area.code)[0])).size;
    return refuse({ key: 'voter.sms_ambiguous_precinct', params: { number, count: regions } });
  }
  const choice = resolveChoice(election.choices, parsed.vote.choice);
  if (!choice)
    return refuse({
      key: 'voter.sms_unknown_choice',
      params: { choice: typedChoice(parsed.vote.choice), count: election.choices.length },
    });

  const verdict = context.judgeVote(message.sentAt);
  if (!verdict.accepted)
    return {
      state: spoken,
      replies: [{ kind: 'send', text: [{ key: 'voter.vote_not_accepted' }] }],
      effects: [],
    };
  const precinct = precincts[0]!;
  const held = state.heldPhoto;
  const effect: VoterEffect = {
    kind: 'record_vote',
    electionSlug: election.slug,
    precinctCode: precinct.code,
    choiceId: choice.id,
    ...(held ? { photo: held.media } : {}),
    // The "change vote" rule: a correction keeps the photo already recorded.
    keepRecordedPhoto: !held && (context.recordedVote?.hasPhoto ?? false),
    sentAt: message.sentAt,
    delayed: verdict.delayed,
    ...(state.forwardedPhotos ? { forwardedPhotos: state.forwardedPhotos } : {}),
  };
  const { heldPhoto: _held, resumeStage: _resume, forwardedPhotos: _forwarded, ...rest } = spoken;
  const params = {
    number: precinct.number ?? number,
    choice: choice.shortNames?.[locale] ?? choice.names[locale],
    position: election.choices.indexOf(choice) + 1,
  };
  const text: MessageText[] = [
    ...(verdict.delayed ? [{ key: 'voter.thanks_delayed' } as const] : []),
    {
      key: context.recordedVote ? 'voter.sms_vote_changed' : 'voter.sms_vote_recorded',
      params,
    },
  ];
  return {
    state: { ...rest, stage: 'voted', ...(election ? { electionSlug: election.slug } : {}), draft: {} },
    replies: [{ kind: 'send', text }],
    effects: [effect],
  };
}

/**
 * The precincts a typed number can mean: within the region named by its number (`15/190`),
 * else anywhere; where numbers repeat across regions, the region of the voter's recorded vote
 * or of the list they were browsing decides.
 */
function findPrecincts(
  state: VoterState,
  context: VoterContext,
  typed: CompactVote['precinct'],
): readonly GeographyArea[] {
  const geography = context.geography!;
  if (typed.region) {
    const region = geography.children(null).find((area) => area.number === typed.region);
    return region ? geography.findPrecinctsByNumber(region.code, typed.number) : [];
  }
  const anywhere = geography.findPrecinctsByNumber(null, typed.number);
  if (anywhere.length <= 1) return anywhere;
  for (const near of [context.recordedVote?.precinctCode, state.draft.precinctCode, state.draft.areaCode]) {
    const region = near ? geography.pathOf(near)[0] : undefined;
    const within = region ? anywhere.filter((area) => geography.pathOf(area.code)[0] === region) : [];
    if (within.length === 1) return within;
  }
  return anywhere;
}

function typedChoice(choice: CompactVote['choice']): string {
  return 'position' in choice ? String(choice.position) : choice.typed.slice(0, 30);
}

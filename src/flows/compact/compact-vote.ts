import type { Locale, LocalizedText } from '../../domain/locale';
import { leadingPrecinct, nameKey, readCommand, type TypedPrecinct } from './fold-text';

/**
 * The voter's one-message vote, for channels without buttons (SMS) and anyone in a hurry:
 * a command word, the precinct, the choice. `V 190 2` (English, "Vote"), `Г 190 2` (Russian,
 * «Голос»), `Д 190 2` (Kazakh, «Дауыс»); Cyrillic «В» (which folds to Latin B) works too.
 * The choice is its number on the ballot or its short name (`V 190 Ak Zhol`).
 * The grammar is documented for voters in docs/sms-grammar.md.
 */
export const VOTE_WORDS: Record<string, Locale | undefined> = {
  VOTE: 'en',
  V: 'en',
  ГОЛОС: 'ru',
  Г: 'ru',
  ДАУЫС: 'kk',
  Д: 'kk',
  // Cyrillic «В» folds to Latin "B"; a Latin B is the same key and hints no language.
  B: undefined,
};

export interface CompactVote {
  precinct: TypedPrecinct;
  /** The choice as typed: its ballot number, or a name reduced by `nameKey`. */
  choice: { position: number } | { name: string; typed: string };
}

export type CompactVoteParse =
  | { ok: true; vote: CompactVote; localeHint?: Locale }
  | { ok: false; problem: 'missing_precinct' | 'missing_choice'; localeHint?: Locale };

/**
 * Reads a compact vote. `undefined`: the text is not one (it does not start with a vote word),
 * and the conversation treats it as it always did.
 *
 * @example
 * parseCompactVote('v190,2');      // { ok: true, vote: { precinct: { number: '190' }, choice: { position: 2 } }, localeHint: 'en' }
 * parseCompactVote('Д 190');       // { ok: false, problem: 'missing_choice', localeHint: 'kk' }
 * parseCompactVote('hello');       // undefined
 */
export function parseCompactVote(text: string): CompactVoteParse | undefined {
  const lead = readCommand(text, Object.keys(VOTE_WORDS));
  if (!lead) return undefined;
  const hint = localeHintOf(text.trim(), lead.word);
  const hinted = hint ? { localeHint: hint } : {};
  const place = leadingPrecinct(lead.rest);
  if (!place) {
    // «в» is also the commonest Russian preposition: "в каком участке?" is a question, not a vote.
    if (lead.word === 'B' && /^\s*\p{L}/u.test(lead.rest)) return undefined;
    return { ok: false, problem: 'missing_precinct', ...hinted };
  }
  const typed = lead.asTyped(place.rest);
  if (typed === '') return { ok: false, problem: 'missing_choice', ...hinted };
  const choice = /^\d{1,2}$/.test(typed) ? { position: Number(typed) } : { name: nameKey(typed), typed };
  if ('name' in choice && choice.name === '') return { ok: false, problem: 'missing_choice', ...hinted };
  return { ok: true, vote: { precinct: place.precinct, choice }, ...hinted };
}

/** The language a vote word suggests: only used for a voter who has not chosen one yet. */
function localeHintOf(original: string, word: string): Locale | undefined {
  // "B" is a Latin B or a Cyrillic В; only the Cyrillic one says anything (a Russian keyboard).
  if (word === 'B') return /^[вВ]/.test(original) ? 'ru' : undefined;
  return VOTE_WORDS[word];
}

export interface NamedChoice {
  id: string;
  names: LocalizedText;
  shortNames?: LocalizedText;
}

/**
 * The choice a compact vote names: by ballot position (voter-only choices such as "against
 * all" come after the ballot's), or by id, short name or full name in any language.
 *
 * @example
 * resolveChoice(choices, { position: 2 })?.id;                        // 'nur-otan'
 * resolveChoice(choices, { name: nameKey('НПК'), typed: 'НПК' })?.id; // 'peoples-party'
 */
export function resolveChoice<C extends NamedChoice>(
  choices: readonly C[],
  typed: CompactVote['choice'],
): C | undefined {
  if ('position' in typed) return choices[typed.position - 1];
  return choices.find((choice) =>
    [choice.id, ...Object.values(choice.names), ...Object.values(choice.shortNames ?? {})].some(
      (name) => nameKey(name) === typed.name,
    ),
  );
}

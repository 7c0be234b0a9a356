/**
 * The public API's shapes as the pages read them (docs/internal/public-api-contract.md).
 * Every source block is `null` when that source has nothing for the area: pages say so.
 */
import type { LocalizedText } from '../../src/domain/locale';

export type { Locale, LocalizedText } from '../../src/domain/locale';

export interface ChoiceInfo {
  id: string;
  names: LocalizedText;
  /** Short names for narrow places (table headings, legends), when the API sends them. */
  shortNames?: LocalizedText;
  color: string;
}

export interface ElectionInfo {
  slug: string;
  names: LocalizedText;
  date: string;
  demo: boolean;
  notice?: LocalizedText;
  /** The official bots and the warning about impostors (election file's `bots`). */
  bots?: {
    voterTelegram?: string;
    observerTelegram?: string;
    whatsapp?: string;
    impostorWarning?: LocalizedText;
  };
  levels: Array<{ id: string; names: LocalizedText; count: number }>;
  choices: ChoiceInfo[];
  voterOnlyChoices: ChoiceInfo[];
}

export interface AreaRef {
  code: string;
  level: string;
  names: LocalizedText;
  parent: string | null;
  kind?: string | null;
  number?: string | null;
}

export interface AreasAnswer {
  level: string | null;
  parent: (AreaRef & { path: AreaRef[] }) | null;
  areas: AreaRef[];
}

export interface OfficialBlock {
  precinctsReported: number;
  registeredVoters: number | null;
  ballotsCast: number | null;
  turnout: number | null;
  invalidBallots: number | null;
  choices: Array<{ id: string; names: LocalizedText; votes: number; share: number | null }>;
}

export interface VotersBlock {
  received: number;
  /** Reports that count (spam excluded): the denominator of every choice's share. */
  counted?: number;
  confirmed: number;
  noPhoto: number;
  pendingReview: number;
  spam: number;
  againstAll: number;
  delayed: number;
  precinctsCovered: number;
  /** Shares of all reports received, 0–1 (null before any). */
  shares?: { spam: number | null; noPhoto: number | null; againstAll: number | null };
  choices: Array<{ id: string; names: LocalizedText; count: number; share: number | null }>;
}

export interface ObserversBlock {
  protocolsReceived: number;
  accepted: number;
  rejected: number;
  needsReview: number;
  rejectedReasons: Record<string, number>;
  precinctsWithObserver: number;
  spoiledBallots: number | null;
  ballotsCast: number | null;
  registeredVoters: number | null;
  turnout: number | null;
  choices: Array<{ id: string; names: LocalizedText; votes: number; share: number | null }>;
}

export interface ViolationsBlock {
  published: number;
  byCategory: Record<string, number>;
}

/** Users of each bot, when the summary carries them (not in every deployment's contract yet). */
export interface ParticipantsBlock {
  voterBot: number | null;
  observerBot: number | null;
}

export interface Summary {
  election: { slug: string; names: LocalizedText; date: string; demo: boolean; notice?: LocalizedText };
  area: AreaRef | null;
  registeredVoters: number;
  precincts: number;
  official: OfficialBlock | null;
  voters?: VotersBlock | null;
  observers?: ObserversBlock | null;
  violations?: ViolationsBlock | null;
  participants?: ParticipantsBlock | null;
}

export interface AreaResults {
  code: string;
  names: LocalizedText;
  parent: string | null;
  registeredVoters: number;
  precincts: number;
  official: OfficialBlock | null;
  voters?: VotersBlock | null;
  observers?: ObserversBlock | null;
}

export interface ResultsAnswer {
  level: string;
  areas: AreaResults[];
}

export interface ViolationPhoto {
  thumbUrl: string;
  url: string;
  width: number | null;
  height: number | null;
}

export interface PublishedViolation {
  id: string;
  category: string;
  area: AreaRef | null;
  /** When the observer reported it (the message's own time). */
  reportedAt: string;
  text: string;
  photos: ViolationPhoto[];
}

export interface ViolationsAnswer {
  categories: Array<{ id: string; names: LocalizedText }>;
  items: PublishedViolation[];
  next: string | null;
}

export type Source = 'voters' | 'observers' | 'official';
export const SOURCES: readonly Source[] = ['voters', 'observers', 'official'];

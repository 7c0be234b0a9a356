import type { Geography } from '../../domain/geography';
import type { Locale, LocalizedText } from '../../domain/locale';
import type { MediaRef } from '../messages';

/**
 * Where a voter is in the conversation. The state is saved as JSON between messages, so it
 * holds only plain data; the election and its geography come in the context every time.
 */
export type VoterStage =
  | 'choose_language'
  | 'privacy_note'
  | 'choose_area'
  | 'choose_choice'
  | 'send_photo'
  | 'confirm'
  | 'correct_menu'
  | 'voted'
  | 'confirm_delete';

/** The vote being put together (or corrected) before it is confirmed. */
export interface VoteDraft {
  /** The area whose children are listed in `choose_area` (absent: the top level). */
  areaCode?: string;
  page?: number;
  precinctCode?: string;
  choiceId?: string;
  /** A new photo for this vote. */
  photo?: MediaRef;
  /** The album the photo came in: further photos of it are answered once, not each. */
  photoAlbumId?: string;
  albumNoticeSent?: boolean;
  /** The recorded vote's photo stays (a correction of the precinct or choice only). */
  keepRecordedPhoto?: boolean;
  /** The voter said they cannot send a photo. */
  noPhoto?: boolean;
  /**
   * ISO timestamp of the last message the voter composed for this vote (the choice or the
   * photo). The vote is dated by it, because a button press carries no date of its own and a
   * photo queued on a phone during an internet blackout does.
   */
  datedAt?: string;
  /** `datedAt` is a device's clock (a message the web chat queued offline), clamped by the channel. */
  deviceDated?: true;
  /** Corrections go back to the summary instead of walking the whole path again. */
  correcting?: boolean;
}

export interface VoterState {
  version: 1;
  stage: VoterStage;
  locale?: Locale;
  /** The election the draft belongs to; another election starts afresh. */
  electionSlug?: string;
  draft: VoteDraft;
  /** A photo sent before the precinct was chosen, attached once it is. */
  heldPhoto?: HeldPhoto;
  /** Where `/language` and a cancelled `/delete` return to. */
  resumeStage?: VoterStage;
  /** Forwarded photos refused since the last recorded vote: a spam signal on the next one. */
  forwardedPhotos?: number;
}

export interface HeldPhoto {
  media: MediaRef;
  albumId?: string;
  /** ISO timestamp of the photo's message. */
  sentAt: string;
  /** `sentAt` is a device's clock (see `VoteDraft.deviceDated`). */
  deviceDated?: true;
}

/** The parts of the election the conversation shows. */
export interface VoterElection {
  slug: string;
  names: LocalizedText;
  demo: boolean;
  /** Ballot choices in ballot order, then voter-only ones such as "against all". */
  choices: Array<{ id: string; names: LocalizedText; shortNames?: LocalizedText }>;
  /** The organisers' own bots and the warning against copies, named in the welcome and /help. */
  officialChannels?: { handles: string[]; impostorWarning?: LocalizedText };
}

/** The voter's recorded vote in this election, as the store has it. */
export interface RecordedVote {
  precinctCode: string;
  choiceId: string;
  hasPhoto: boolean;
}

/** Whether a vote dated at an instant counts now (the service applies the election's times). */
export interface VoteVerdict {
  accepted: boolean;
  delayed: boolean;
}

export interface VoterContext {
  /** The one active election; absent when none is running. */
  election?: VoterElection;
  geography?: Geography;
  recordedVote?: RecordedVote;
  /** Judges a vote dated `datedAt` and received with the current message. */
  judgeVote(datedAt: Date): VoteVerdict;
  /** Link to the live results, shown after a vote. */
  resultsUrl: string;
  /** Buttons per page in area lists (default 10 names, or 16 precinct numbers two to a row). */
  pageSize?: number;
}

export type VoterEffect =
  | {
      kind: 'record_vote';
      electionSlug: string;
      precinctCode: string;
      choiceId: string;
      /** A new photo to fetch and check; absent with `keepRecordedPhoto` or `noPhoto`. */
      photo?: MediaRef;
      keepRecordedPhoto: boolean;
      sentAt: Date;
      delayed: boolean;
      /** `sentAt` came from a device's clock (queued offline): analysis treats such votes apart. */
      deviceDated?: true;
      /** Forwarded photos the voter sent while putting this vote together (none confirms it). */
      forwardedPhotos?: number;
    }
  | {
      /** `/fake @handle`: a bot pretending to be this one, counted in the console. */
      kind: 'report_impostor';
      handle: string;
      sentAt: Date;
    }
  | {
      kind: 'delete_voter';
      electionSlug?: string;
      /** Polls have closed: the vote stays in the count, only the conversation goes. */
      keepVote: boolean;
    };

export function initialVoterState(): VoterState {
  return { version: 1, stage: 'choose_language', draft: {} };
}

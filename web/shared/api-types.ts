/**
 * The public API's shapes as the pages read them: inferred from the zod contracts the server
 * validates its answers with (src/http/public/contracts, docs/api.md), so a page cannot read a
 * field the API does not send. Type-only imports: zod itself never reaches the pages' bundles.
 * Every source block is `null` when that source has nothing for the area: pages say so.
 */
import type { z } from 'zod';
import type { areasResponse, publicArea } from '../../src/http/public/contracts/areas.contract';
import type { publicChoice, publicElection } from '../../src/http/public/contracts/elections.contract';
import type {
  areaResults,
  observersBlock,
  officialBlock,
  resultsResponse,
  summaryResponse,
  violationsBlock,
  votersBlock,
} from '../../src/http/public/contracts/figures.contract';
import type { areaRef, localizedText } from '../../src/http/public/contracts/shared.contract';
import type {
  publishedViolation,
  violationPhoto,
  violationsResponse,
} from '../../src/http/public/contracts/violations.contract';

export type { Locale } from '../../src/domain/locale';

export type LocalizedText = z.output<typeof localizedText>;
export type ChoiceInfo = z.output<typeof publicChoice>;
export type ElectionInfo = z.output<typeof publicElection>;

/** An area as any answer names it: the summary's, or the areas list's (with number and kind). */
export type AreaRef = z.output<typeof areaRef> &
  Partial<Pick<z.output<typeof publicArea>, 'kind' | 'number'>>;
export type AreasAnswer = z.output<typeof areasResponse>;

export type OfficialBlock = z.output<typeof officialBlock>;
export type VotersBlock = z.output<typeof votersBlock>;
export type ObserversBlock = z.output<typeof observersBlock>;
export type ViolationsBlock = z.output<typeof violationsBlock>;
export type Summary = z.output<typeof summaryResponse>;
export type ParticipantsBlock = NonNullable<Summary['participants']>;

export type AreaResults = z.output<typeof areaResults>;
export type ResultsAnswer = z.output<typeof resultsResponse>;

export type ViolationPhoto = z.output<typeof violationPhoto>;
export type PublishedViolation = z.output<typeof publishedViolation>;
export type ViolationsAnswer = z.output<typeof violationsResponse>;

export type Source = 'voters' | 'observers' | 'official';
export const SOURCES: readonly Source[] = ['voters', 'observers', 'official'];

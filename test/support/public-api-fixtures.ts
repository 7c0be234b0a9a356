import type { VotersBlock } from '../../web/shared/api-types';

/** The voters' block of an area nobody reported from yet, as the public API sends it. */
export function noVoterReports(): VotersBlock {
  return {
    received: 0,
    counted: 0,
    confirmed: 0,
    noPhoto: 0,
    pendingReview: 0,
    spam: 0,
    againstAll: 0,
    delayed: 0,
    precinctsCovered: 0,
    shares: { spam: null, noPhoto: null, againstAll: null },
    choices: [],
  };
}

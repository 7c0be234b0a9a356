import type { MethodInfo } from './types';

/** Every method the analysis runs, with the work it follows. */
export const METHODS = {
  tallies: {
    name: 'Tallies by source and area with Wilson score intervals',
    citation:
      'E. B. Wilson, "Probable inference, the law of succession, and statistical inference", JASA 22 (1927) 209–212',
  },
  protocolDiscrepancies: {
    name: 'Observer protocol vs official result, per precinct',
    citation: 'Parallel vote tabulation practice: NDI, "The Quick Count and Election Observation" (2002)',
  },
  photoEvidence: {
    name: 'Photo-confirmed ballots exceeding the official count',
    citation: 'Belarus 2020 "Golos" platform final report (golos2020.org, 2020); data: demidov91/voice',
  },
  observerEffect: {
    name: 'Observer effect: observed vs unobserved precincts, stratified by district',
    citation:
      'S. Enikolopov et al., "Field experiment estimate of electoral fraud in Russian parliamentary elections", PNAS 110 (2013) 448–452',
  },
  fingerprint: {
    name: 'Election fingerprint: 2D histogram of turnout × leader share, weighted by voters',
    citation:
      'P. Klimek, Y. Yegorov, R. Hanel, S. Thurner, "Statistical detection of systematic election irregularities", PNAS 109 (2012) 16469–16473',
  },
  integerPercentages: {
    name: 'Integer percentages with a binomial Monte Carlo null',
    citation:
      'D. Kobak, S. Shpilkin, M. S. Pshenichnikov, "Integer percentages as electoral falsification fingerprints", Annals of Applied Statistics 10 (2016) 54–73; code: github.com/dkobak/elections',
  },
  anomalousVotes: {
    name: "Anomalous votes by Shpilkin's clean-peak method",
    citation:
      'S. Shpilkin, "Статистическое исследование результатов российских выборов 2007–2009 гг.", Troitsky Variant (2009); described in D. Kobak, S. Shpilkin, M. S. Pshenichnikov, Significance 13(4) (2016) 20–23',
  },
  digitTests: {
    name: 'Second-digit and last-digit tests of vote counts',
    citation:
      'W. R. Mebane Jr., "Election forensics: vote counts and Benford\'s law" (2006) and "Fraud in the 2009 presidential election in Iran?", Chance 23 (2010); B. Beber, A. Scacco, "What the numbers say", Political Analysis 20 (2012) 211–234',
  },
  turnoutInflation: {
    name: 'Turnout inflation: official vs observer-protocol turnout at the same precincts',
    citation: 'Parallel vote tabulation practice: NDI, "The Quick Count and Election Observation" (2002)',
  },
} as const satisfies Record<string, MethodInfo>;

/** The analysis page's texts in English: the reference its kk and ru catalogs are checked against. */
export const analysisEn = {
  'analysis.heading': 'Falsification analysis',
  'analysis.intro':
    'Statistical tests of the official results, and what outside evidence (photographed ballots, observers) shows. Every result names its method, sample size and uncertainty.',
  'analysis.computing': 'Computing the analysis…',
  'analysis.loadError': 'Could not load the analysis. Reload the page to try again.',
  'analysis.summary':
    '{stations} stations, {official} with a published official result. Official turnout {turnout}; {leader} {share}.',
  'analysis.printable': 'Printable report (HTML; print it or save it as PDF)',
  'analysis.computedAt': 'Computed at {time} (random seed {seed}).',
  'analysis.absent': 'Not computed, the data lacks what they need: {methods}.',
  'analysis.method': 'Method',
  'analysis.sampleSize': 'Sample size',
  'analysis.sd': 'standard deviation {sd}',
  'analysis.uncertainty': 'Uncertainty',
  'analysis.choice': 'Choice',
  'analysis.turnout': 'Turnout',
  'analysis.leaderShare': 'Share of {leader}',
  'analysis.stations': 'Stations',
  'analysis.voters': 'Registered voters',
  'analysis.photo.heading': 'Photographed ballots against the official count',
  'analysis.photo.compared':
    'Compared at {count} stations with a published result. Where voters photographed more ballots for a choice than were officially counted for it, the official figure is false.',
  'analysis.photo.stations': 'Stations where photos exceed the official count',
  'analysis.photo.votes': 'Votes taken from the choice, at least',
  'analysis.observers.heading': 'Observer effect',
  'analysis.observers.counts': '{observed} stations with an independent observer, {unobserved} without.',
  'analysis.observers.observed': 'With an observer',
  'analysis.observers.unobserved': 'Without an observer',
  'analysis.observers.measure': 'Measure',
  'analysis.observers.rate': 'Turnout or share',
  'analysis.observers.difference': 'Difference, points (95% interval)',
  'analysis.observers.stratified': 'Within districts ({districts}), points',
  'analysis.observers.chartDescription':
    'Turnout and each choice’s share at stations with and without an observer, with 95% bootstrap intervals.',
  'analysis.observers.points':
    'Differences are “without” minus “with”, in percentage points. Observers were not sent at random: the within-district comparison is the fairer one.',
  'analysis.fingerprint.heading': 'Election fingerprint',
  'analysis.fingerprint.description':
    'Voters by station turnout (across) and the leader’s share (up). A fair count forms one compact blob; stuffing smears it towards the top right corner.',
  'analysis.turnoutHistogram.heading': 'Turnout histogram',
  'analysis.turnoutHistogram.description': 'Registered voters by station turnout, in 1-point bins.',
  'analysis.integer.heading': 'Integer percentages',
  'analysis.integer.figures':
    'Of {included} stations, {observed} report a whole-number turnout or leader’s share; chance gives {expected} ± {sd}. Excess {excess}, z = {z}.',
  'analysis.integer.turnoutTitle': 'Stations by turnout, 0.1-point bins',
  'analysis.integer.shareTitle': 'Stations by the leader’s share, 0.1-point bins',
  'analysis.integer.description': 'Spikes on the whole-percent lines mean figures written to round numbers.',
  'analysis.anomalous.heading': 'Anomalous votes',
  'analysis.anomalous.peak': 'clean peak',
  'analysis.anomalous.figures':
    'Clean turnout {turnout}, the leader’s clean share {share}; anomalous votes {votes}.',
  'analysis.digits.heading': 'Digit tests',
  'analysis.protocols.heading': 'Observer protocols against the official result',
  'analysis.inflation.heading': 'Turnout inflation',
  'analysis.tallies.heading': 'Tally: {source}',
  'analysis.source.official': 'official results',
  'analysis.source.voters': 'voters’ reports',
  'analysis.source.photos': 'photographed ballots',
  'analysis.source.observers': 'observers’ protocols',
} as const;

export type AnalysisMessageKey = keyof typeof analysisEn;

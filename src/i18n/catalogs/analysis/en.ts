/**
 * Every analysis text (`analysis.*`): the results' readings, the dashboard's analysis page, the
 * printable report and its charts, all from this one source (./index.ts). Spread into the `en`
 * catalog too. `kk` and `ru` must have the same keys and placeholders (`npm run i18n:check`).
 */
export const analysisEn = {
  'analysis.report_title': 'Falsification analysis: {election}',
  'analysis.report_intro':
    'Statistical tests of the precinct results. Each section names its method and source, the data it used, how many precincts, how uncertain the figure is, and what it means in one line. A test can show that results are implausible; it does not name who changed them.',
  'analysis.report_generated':
    'Computed {date}. Random seed {seed}: the same data and seed give the same report.',
  'analysis.summary': 'Summary',
  'analysis.stations': 'Polling stations',
  'analysis.stations_with_result': 'with a published official result',
  'analysis.registered': 'Registered voters',
  'analysis.turnout': 'Turnout',
  'analysis.leader': 'Leader',
  'analysis.leader_share': 'Leader’s share',
  'analysis.method': 'Method',
  'analysis.source': 'Source',
  'analysis.inputs': 'Inputs',
  'analysis.sample_size': 'Sample size',
  'analysis.sample_size_value': '{count} precincts',
  'analysis.uncertainty': 'Uncertainty',
  'analysis.not_computed': 'Not computed: the data has no {what}.',
  'analysis.interval': '95% interval {low} to {high} ({kind})',
  'analysis.null_sd': 'standard deviation {sd} of the null over {draws} Monte Carlo draws (seed {seed})',
  'analysis.descriptive': 'descriptive ({note})',

  'analysis.section_tallies': 'Tallies by source',
  'analysis.section_protocols': 'Observer protocols against the official result',
  'analysis.section_photos': 'Photographed ballots against the official result',
  'analysis.section_observers': 'Observer effect',
  'analysis.section_fingerprint': 'Election fingerprint',
  'analysis.section_integer': 'Integer percentages',
  'analysis.section_anomalous': 'Anomalous votes',
  'analysis.section_digits': 'Digit tests',
  'analysis.section_inflation': 'Turnout inflation',
  'analysis.what_protocols': 'observers’ protocol copies',
  'analysis.what_photos': 'photographed ballots',
  'analysis.what_observers': 'precincts both with and without observers',
  'analysis.what_official': 'official results',

  'analysis.figure_choice': 'Choice',
  'analysis.figure_votes': 'Votes',
  'analysis.figure_share': 'Share',
  'analysis.figure_integer_observed': 'Stations with a whole-number percentage',
  'analysis.figure_integer_expected': 'Expected by chance',
  'analysis.figure_excess': 'Excess',
  'analysis.figure_clean_turnout': 'Clean turnout (peak)',
  'analysis.figure_clean_share': 'Leader’s clean share',
  'analysis.figure_anomalous_votes': 'Anomalous votes',
  'analysis.figure_statistic': 'Statistic',
  'analysis.figure_value': 'Value',
  'analysis.figure_expected': 'Expected',
  'analysis.figure_official_turnout': 'Official turnout',
  'analysis.figure_protocol_turnout': 'Turnout in the protocols',
  'analysis.figure_extra_ballots': 'Extra ballots',
  'analysis.figure_compared': 'Precincts compared',
  'analysis.figure_beyond_tolerance': 'Beyond tolerance',
  'analysis.figure_moved_away': 'Taken away',
  'analysis.figure_moved_to': 'Added',
  'analysis.self_selected': 'self-selected sample',

  'analysis.tally_official': 'Official result',
  'analysis.tally_voters': 'Voters’ own tally',
  'analysis.tally_photos': 'Photographed ballots',
  'analysis.tally_observers': 'Observers’ protocols',

  'analysis.chart_fingerprint_title': 'Election fingerprint',
  'analysis.chart_fingerprint_description':
    'Registered voters by the turnout and the leader’s share of their polling station; darker squares hold more voters. A fair election is one blob; ballot stuffing smears it towards the top right corner.',
  'analysis.chart_turnout_title': 'Turnout distribution',
  'analysis.chart_turnout_description':
    'Registered voters by the turnout of their polling station, in 1-point bins; the dashed line is the clean turnout peak.',
  'analysis.chart_turnout_marker': 'clean peak',
  'analysis.chart_spikes_turnout_title': 'Turnout at 0.1-point resolution',
  'analysis.chart_spikes_share_title': 'Leader’s share at 0.1-point resolution',
  'analysis.chart_spikes_description':
    'Polling stations per 0.1-point bin; thin lines mark whole percentages. Honest counts are smooth at this resolution; spikes on the lines mean results written to round numbers.',
  'analysis.chart_observers_title': 'With and without observers',
  'analysis.chart_observers_description':
    'Turnout and each choice’s share at polling stations with and without an independent observer, with 95% bootstrap intervals.',
  'analysis.chart_observed': 'With an observer',
  'analysis.chart_unobserved': 'Without an observer',
  'analysis.axis_turnout': 'Turnout',
  'analysis.axis_leader_share': 'Leader’s share',
  'analysis.axis_voters': 'Registered voters',
  'analysis.axis_stations': 'Polling stations',
  'analysis.axis_share': 'Share',

  // The dashboard's analysis page (was web/dashboard/analysis/texts).
  'analysis.heading': 'Falsification analysis',
  'analysis.computing': 'Computing the analysis…',
  'analysis.loadError': 'Could not load the analysis. Reload the page to try again.',
  'analysis.printable': 'Printable report (HTML; print it or save it as PDF)',
  'analysis.observers.counts': '{observed} stations with an independent observer, {unobserved} without.',
  'analysis.observers.points':
    'Differences are “without” minus “with”, in percentage points. Observers were not sent at random: the within-district comparison is the fairer one.',
  'analysis.observers.difference': 'Difference, points (95% interval)',
  'analysis.observers.stratified': 'Within districts ({districts}), points',
  'analysis.observers.measure': 'Measure',
  'analysis.photo.compared':
    'Compared at {count} stations with a published result. Where voters photographed more ballots for a choice than were officially counted for it, the official figure is false.',
  'analysis.photo.stations': 'Stations where photos exceed the official count',
  'analysis.photo.votes': 'Votes taken from the choice, at least',

  // One-line readings of the results and how their uncertainty was obtained (src/analysis/readings.ts
  // chooses the key and its params; the results carry them rendered in every language).
  'analysis.reading.integer_significant':
    '{excess} more of {stations} stations report whole-number percentages than chance allows (z = {z}): results look written to round numbers.',
  'analysis.reading.integer_chance':
    'Whole-number percentages are no more frequent than chance ({stations} stations, z = {z}).',
  'analysis.reading.anomalous_found':
    'Anomalous votes for the leader beyond the clean turnout peak ({turnout}): about {votes} (95%: {low}–{high}).',
  'analysis.reading.anomalous_none':
    "The leader's share does not rise above the turnout peak: no anomalous votes found (95%: {low}–{high}).",
  'analysis.reading.anomalous_too_few_stations':
    'Anomalous votes not estimated: a turnout peak cannot be located on {stations} stations; the method needs at least {needed}.',
  'analysis.reading.anomalous_too_few_at_peak':
    "Anomalous votes not estimated: only {below} stations lie at or below the turnout peak ({peak}); the leader's clean share needs at least {needed}.",
  'analysis.reading.anomalous_clean_share_degenerate':
    "Anomalous votes not estimated: the leader's share at stations up to the turnout peak is {share}; 0% or 100% cannot serve as the clean share.",
  'analysis.reading.fingerprint_extreme':
    "{share} of voters are at stations where both turnout and the leader's share exceed 95%: the fingerprint shows extreme fraud.",
  'analysis.reading.fingerprint_blob':
    'The fingerprint is a single blob; only {share} of voters sit in the 95%/95% corner.',
  'analysis.digit_statistic.secondDigitMean': 'second-digit mean',
  'analysis.digit_statistic.lastDigitMean': 'last-digit mean',
  'analysis.digit_statistic.zeroFiveShare': 'share of 0s and 5s',
  'analysis.reading.digit_flag': '{choice}: {statistic}',
  'analysis.reading.digits_depart':
    'Digit tests depart from expectation ({flagged}): not proof on their own, but a reason to look closer.',
  'analysis.reading.digits_agree': 'Digit tests agree with expectation.',
  'analysis.reading.observer_what_turnout': 'turnout',
  'analysis.reading.observer_what_share': 'the share of "{choice}"',
  'analysis.reading.observer_scope_within':
    'within the {districts} districts that have both kinds of station',
  'analysis.reading.observer_scope_all': 'over all stations',
  'analysis.reading.observer_overall': '; {overall} points overall',
  'analysis.reading.observer_significant':
    'Strongest effect: without an observer, {what} differs by {difference} points {scope} (95%: {low} to {high}){overall}.',
  'analysis.reading.observer_chance':
    'No difference between stations with and without observers exceeds chance; the largest, {what} {scope}, is {difference} points (95%: {low} to {high}).',
  'analysis.reading.photo_exceeds':
    'At {stations} stations more ballots for "{choice}" were photographed than officially counted: the official count is short by at least {votes} votes.',
  'analysis.reading.photo_within': 'Photographed ballots for "{choice}" never exceed the official count.',
  'analysis.reading.protocols':
    "At {beyond} of {compared} precincts the observer's protocol copy differs from the official result beyond tolerance.",
  'analysis.reading.inflation_found':
    "At {stations} precincts official turnout exceeds the observers' protocols by {difference} points (95%: {low} to {high}).",
  'analysis.reading.inflation_none':
    "At {stations} precincts official turnout matches the observers' protocols.",
  'analysis.reading.source_official': 'official result',
  'analysis.reading.source_voters': 'voters’ own tally',
  'analysis.reading.source_photos': 'photographed ballots',
  'analysis.reading.source_observers': 'observers’ protocols',
  'analysis.reading.tally_self_selected':
    '"{source}" is a self-selected sample of {count} people, not a random one: intervals show sampling error only and do not generalise to all voters.',
  'analysis.reading.tally_counts': '"{source}" counts {count} ballots.',
  'analysis.uncertainty.bootstrap_stations': 'bootstrap over stations ({draws} draws, seed {seed})',
  'analysis.uncertainty.bootstrap_districts':
    'cluster bootstrap over {clusters} districts ({draws} draws, seed {seed})',
  'analysis.uncertainty.bootstrap_stratified':
    'stratified bootstrap (district × group) ({draws} draws, seed {seed})',
  'analysis.uncertainty.bootstrap_counts': 'bootstrap over vote counts ({draws} draws, seed {seed})',
  'analysis.uncertainty.bootstrap_precincts': 'bootstrap over precincts ({draws} draws, seed {seed})',
  'analysis.uncertainty.documents': 'none: precinct-by-precinct comparison of documents',
  'analysis.uncertainty.lower_bound': 'none: a count of documented ballots, hence a lower bound',
  'analysis.uncertainty.descriptive':
    'descriptive histogram; the corner share is compared with a normal fitted to the bulk',
  'analysis.uncertainty.monte_carlo_null':
    'standard deviation of the null over {draws} Monte Carlo draws (seed {seed})',
  'analysis.uncertainty.not_fitted': 'none: the method was not fitted on this data',
  'analysis.uncertainty.wilson': '95% Wilson score interval per share; it covers sampling error only',
  'analysis.uncertainty.full_count': 'full count, no sampling error',
} as const;

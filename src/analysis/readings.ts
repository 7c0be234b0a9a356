import { formatNumber, formatPercent } from '../i18n/format';
import type { AnomalousVotesNotFitted } from './anomalous-votes';
import type { ObserverEffectHeadline } from './observer-effect';
import type { Reading } from './types';

/**
 * One-line readings of every result in Kazakh, Russian and English. They state what the figure
 * means and how sure it is, never more than the method supports.
 */

type Language = keyof Reading;

// Numbers as every other text writes them (src/i18n/format.ts): "12 345,6" in kk/ru, "12,345.6"
// in en, shares as "45,7%".
const n = (value: number, digits: number, language: Language): string =>
  formatNumber(language, value, { digits });
const pct = (fraction: number, language: Language, digits = 1): string =>
  formatPercent(language, fraction, { digits });

function reading(make: (language: Language) => [string, string, string]): Reading {
  const [kk] = make('kk');
  const [, ru] = make('ru');
  const [, , en] = make('en');
  return { kk, ru, en };
}

export function integerPercentagesReading(excess: number, z: number, stations: number): Reading {
  const significant = z >= 3;
  return reading((l) =>
    significant
      ? [
          `${n(stations, 0, l)} учаскенің ${n(excess, 0, l)}-інде бүтін пайыз кездейсоқ күтілгеннен артық (z = ${n(z, 1, l)}): нәтижелер дөңгелек санға жазылған болуы ықтимал.`,
          `На ${n(excess, 0, l)} из ${n(stations, 0, l)} участков больше целых процентов, чем даёт случайность (z = ${n(z, 1, l)}): похоже, результаты подгоняли под круглые числа.`,
          `${n(excess, 0, l)} more of ${n(stations, 0, l)} stations report whole-number percentages than chance allows (z = ${n(z, 1, l)}): results look written to round numbers.`,
        ]
      : [
          `Бүтін пайыздар саны кездейсоқтықтан айырмашылығы жоқ (${n(stations, 0, l)} учаске, z = ${n(z, 1, l)}).`,
          `Целых процентов не больше, чем даёт случайность (${n(stations, 0, l)} участков, z = ${n(z, 1, l)}).`,
          `Whole-number percentages are no more frequent than chance (${n(stations, 0, l)} stations, z = ${n(z, 1, l)}).`,
        ],
  );
}

export function anomalousVotesReading(
  votes: number,
  low: number,
  high: number,
  cleanTurnout: number,
): Reading {
  const significant = low > 0;
  return reading((l) =>
    significant
      ? [
          `Таза шыңнан (${pct(cleanTurnout, l)} келу) асқан аномал дауыстар: шамамен ${n(votes, 0, l)} (95%: ${n(low, 0, l)}–${n(high, 0, l)}).`,
          `Аномальных голосов за лидера сверх «чистого пика» явки (${pct(cleanTurnout, l)}): около ${n(votes, 0, l)} (95%: ${n(low, 0, l)}–${n(high, 0, l)}).`,
          `Anomalous votes for the leader beyond the clean turnout peak (${pct(cleanTurnout, l)}): about ${n(votes, 0, l)} (95%: ${n(low, 0, l)}–${n(high, 0, l)}).`,
        ]
      : [
          `Келу шыңынан жоғары учаскелерде көшбасшы үлесі өспейді: аномал дауыстар анықталмады (95%: ${n(low, 0, l)}–${n(high, 0, l)}).`,
          `На участках с явкой выше пика доля лидера не растёт: аномальные голоса не обнаружены (95%: ${n(low, 0, l)}–${n(high, 0, l)}).`,
          `The leader's share does not rise above the turnout peak: no anomalous votes found (95%: ${n(low, 0, l)}–${n(high, 0, l)}).`,
        ],
  );
}

/** What to say when Shpilkin's method cannot be fitted: that it was not, and why. */
export function anomalousVotesNotFittedReading(why: AnomalousVotesNotFitted): Reading {
  const { stations, peak, stationsAtOrBelowPeak: below, cleanShare, needed } = why;
  return reading((l) => {
    switch (why.reason) {
      case 'too-few-stations':
        return [
          `Аномал дауыстар есептелмеді: келу шыңын ${n(stations, 0, l)} учаскеден табу мүмкін емес, әдіске кемінде ${n(needed, 0, l)} учаске керек.`,
          `Аномальные голоса не оценены: пик явки нельзя найти по ${n(stations, 0, l)} участкам, методу нужно не меньше ${n(needed, 0, l)}.`,
          `Anomalous votes not estimated: a turnout peak cannot be located on ${n(stations, 0, l)} stations; the method needs at least ${n(needed, 0, l)}.`,
        ];
      case 'too-few-at-peak':
        return [
          `Аномал дауыстар есептелмеді: келу шыңына (${pct(peak, l)}) дейін тек ${n(below, 0, l)} учаске бар, көшбасшының таза үлесін бағалауға кемінде ${n(needed, 0, l)} керек.`,
          `Аномальные голоса не оценены: до пика явки (${pct(peak, l)}) лишь ${n(below, 0, l)} участков, а для оценки «чистой» доли лидера нужно не меньше ${n(needed, 0, l)}.`,
          `Anomalous votes not estimated: only ${n(below, 0, l)} stations lie at or below the turnout peak (${pct(peak, l)}); the leader's clean share needs at least ${n(needed, 0, l)}.`,
        ];
      case 'clean-share-degenerate':
        return [
          `Аномал дауыстар есептелмеді: келу шыңына дейінгі учаскелерде көшбасшы үлесі ${pct(cleanShare, l)}, 0% не 100% таза үлес ретінде жарамайды.`,
          `Аномальные голоса не оценены: доля лидера на участках до пика явки — ${pct(cleanShare, l)}; 0% или 100% не годятся как «чистая» доля.`,
          `Anomalous votes not estimated: the leader's share at stations up to the turnout peak is ${pct(cleanShare, l)}; 0% or 100% cannot serve as the clean share.`,
        ];
    }
  });
}

export function fingerprintReading(cornerShare: number, expectedShare: number): Reading {
  const significant = cornerShare > 3 * expectedShare + 0.005;
  return reading((l) =>
    significant
      ? [
          `Сайлаушылардың ${pct(cornerShare, l)}-і келуі де, көшбасшы үлесі де 95%-дан асқан учаскелерде: «саусақ ізінде» экстремал бұрмалау белгісі бар.`,
          `${pct(cornerShare, l)} избирателей на участках, где и явка, и доля лидера выше 95%: в «отпечатке» виден след экстремальных вбросов.`,
          `${pct(cornerShare, l)} of voters are at stations where both turnout and the leader's share exceed 95%: the fingerprint shows extreme fraud.`,
        ]
      : [
          `«Саусақ ізі» бір дақ тәрізді; 95%/95% бұрышында сайлаушылардың ${pct(cornerShare, l)}-і ғана.`,
          `«Отпечаток» выборов — одно пятно; в углу 95%/95% лишь ${pct(cornerShare, l)} избирателей.`,
          `The fingerprint is a single blob; only ${pct(cornerShare, l)} of voters sit in the 95%/95% corner.`,
        ],
  );
}

/** Names of the digit statistics (keys as in digit-tests.ts) in each language. */
const DIGIT_STATISTIC_NAMES: Record<string, Reading> = {
  secondDigitMean: { kk: 'екінші цифр орташасы', ru: 'среднее второй цифры', en: 'second-digit mean' },
  lastDigitMean: { kk: 'соңғы цифр орташасы', ru: 'среднее последней цифры', en: 'last-digit mean' },
  zeroFiveShare: { kk: '0 мен 5 үлесі', ru: 'доля нулей и пятёрок', en: 'share of 0s and 5s' },
};

export function digitTestsReading(flagged: readonly { choice: string; statistic: string }[]): Reading {
  /** "united-russia: second-digit mean, party-1: last-digit mean" (one "choice: statistic" each). */
  const list = (l: Language): string =>
    flagged
      .map(({ choice, statistic }) => `${choice}: ${DIGIT_STATISTIC_NAMES[statistic]?.[l] ?? statistic}`)
      .join(', ');
  return reading((l) =>
    flagged.length > 0
      ? [
          `Цифрлар сынағы күтілгеннен ауытқиды (${list(l)}): жалғыз өзі дәлел емес, бірақ тексеруге негіз.`,
          `Цифровые тесты отклоняются от ожидаемого (${list(l)}): само по себе не доказательство, но повод проверить.`,
          `Digit tests depart from expectation (${list(l)}): not proof on their own, but a reason to look closer.`,
        ]
      : [
          `Цифрлар сынағы күтілгенмен сәйкес келеді.`,
          `Цифровые тесты согласуются с ожидаемым.`,
          `Digit tests agree with expectation.`,
        ],
  );
}

/** A difference in points with its sign: "+8.9", "−0.4". */
const points = (fraction: number, language: Language): string =>
  (fraction > 0 ? '+' : '') + n(fraction * 100, 1, language);

/**
 * The observer effect's one line, led by its strongest documented effect (the measure chosen by
 * `strongestEffect`), with its interval, and the same measure's overall difference.
 */
export function observerEffectReading(effect: ObserverEffectHeadline): Reading {
  const { measure, difference: d, interval, overall, significant, districts: k } = effect;
  const lo = (l: Language) => points(interval.low, l);
  const hi = (l: Language) => points(interval.high, l);
  const turnout = measure === 'turnout';
  const within = effect.scope === 'within-districts';
  return reading((l) => {
    const what = turnout
      ? ['келу', 'явка', 'turnout']
      : [`«${measure}» үлесі`, `доля «${measure}»`, `the share of "${measure}"`];
    const scope = within
      ? [
          `екі түрлі учаскесі бар ${n(k, 0, l)} ауданның ішінде`,
          `внутри ${n(k, 0, l)} районов, где есть участки обоих видов`,
          `within the ${n(k, 0, l)} districts that have both kinds of station`,
        ]
      : ['барлық учаскелер бойынша', 'по всем участкам', 'over all stations'];
    const overallPart = within
      ? [
          `; жалпы ${points(overall, l)} п.т.`,
          `; в целом ${points(overall, l)} п.п.`,
          `; ${points(overall, l)} points overall`,
        ]
      : ['', '', ''];
    return significant
      ? [
          `Ең күшті әсер: бақылаушысыз ${what[0]} ${scope[0]} ${points(d, l)} п.т. өзгеше (95%: ${lo(l)}…${hi(l)})${overallPart[0]}.`,
          `Сильнейший эффект: без наблюдателя ${what[1]} ${scope[1]} отличается на ${points(d, l)} п.п. (95%: ${lo(l)}…${hi(l)})${overallPart[1]}.`,
          `Strongest effect: without an observer, ${what[2]} differs by ${points(d, l)} points ${scope[2]} (95%: ${lo(l)} to ${hi(l)})${overallPart[2]}.`,
        ]
      : [
          `Бақылаушы бар және жоқ учаскелердің айырмасы кездейсоқтықтан аспайды; ең үлкені — ${scope[0]} ${what[0]}: ${points(d, l)} п.т. (95%: ${lo(l)}…${hi(l)}).`,
          `Различия между участками с наблюдателями и без них не выходят за пределы случайности; наибольшее — ${what[1]} ${scope[1]}: ${points(d, l)} п.п. (95%: ${lo(l)}…${hi(l)}).`,
          `No difference between stations with and without observers exceeds chance; the largest, ${what[2]} ${scope[2]}, is ${points(d, l)} points (95%: ${lo(l)} to ${hi(l)}).`,
        ];
  });
}

export function photoEvidenceReading(stations: number, votes: number, choice: string): Reading {
  return reading((l) =>
    stations > 0
      ? [
          `${n(stations, 0, l)} учаскеде «${choice}» үшін суретпен расталған бюллетеньдер ресми саннан көп: ресми нәтиже кем дегенде ${n(votes, 0, l)} дауысқа жалған.`,
          `На ${n(stations, 0, l)} участках сфотографированных бюллетеней за «${choice}» больше официального числа: официальный итог занижен минимум на ${n(votes, 0, l)} голосов.`,
          `At ${n(stations, 0, l)} stations more ballots for "${choice}" were photographed than officially counted: the official count is short by at least ${n(votes, 0, l)} votes.`,
        ]
      : [
          `«${choice}» бойынша суреттер ресми санынан аспайды.`,
          `Фотографий бюллетеней за «${choice}» не больше официального числа.`,
          `Photographed ballots for "${choice}" never exceed the official count.`,
        ],
  );
}

export function protocolDiscrepanciesReading(compared: number, beyond: number): Reading {
  return reading((l) => [
    `${n(compared, 0, l)} учаскенің ${n(beyond, 0, l)}-інде бақылаушы хаттамасы ресми нәтижеден рұқсаттан тыс ерекшеленеді.`,
    `На ${n(beyond, 0, l)} из ${n(compared, 0, l)} участков копия протокола наблюдателя расходится с официальным итогом сверх допуска.`,
    `At ${n(beyond, 0, l)} of ${n(compared, 0, l)} precincts the observer's protocol copy differs from the official result beyond tolerance.`,
  ]);
}

export function turnoutInflationReading(
  difference: number,
  low: number,
  high: number,
  stations: number,
): Reading {
  const significant = low > 0;
  return reading((l) =>
    significant
      ? [
          `${n(stations, 0, l)} учаскеде ресми келу хаттамадағыдан ${n(difference * 100, 1, l)} п.т. жоғары (95%: ${n(low * 100, 1, l)}…${n(high * 100, 1, l)}).`,
          `На ${n(stations, 0, l)} участках официальная явка выше, чем в протоколах наблюдателей, на ${n(difference * 100, 1, l)} п.п. (95%: ${n(low * 100, 1, l)}…${n(high * 100, 1, l)}).`,
          `At ${n(stations, 0, l)} precincts official turnout exceeds the observers' protocols by ${n(difference * 100, 1, l)} points (95%: ${n(low * 100, 1, l)} to ${n(high * 100, 1, l)}).`,
        ]
      : [
          `${n(stations, 0, l)} учаскеде ресми келу хаттамадағымен сәйкес.`,
          `На ${n(stations, 0, l)} участках официальная явка совпадает с протоколами наблюдателей.`,
          `At ${n(stations, 0, l)} precincts official turnout matches the observers' protocols.`,
        ],
  );
}

/** Names of the tally sources in each language (ids as in tallies.ts; others shown as given). */
const SOURCE_NAMES: Record<string, Reading> = {
  official: { kk: 'ресми нәтиже', ru: 'официальный итог', en: 'official result' },
  voters: { kk: 'сайлаушылардың өз есебі', ru: 'подсчёт самих избирателей', en: 'voters’ own tally' },
  photos: {
    kk: 'суретке түсірілген бюллетеньдер',
    ru: 'сфотографированные бюллетени',
    en: 'photographed ballots',
  },
  observers: { kk: 'бақылаушылар хаттамалары', ru: 'протоколы наблюдателей', en: 'observers’ protocols' },
};

export function talliesReading(sourceId: string, sampleSize: number, selfSelected: boolean): Reading {
  const name = (l: Language): string => SOURCE_NAMES[sourceId]?.[l] ?? sourceId;
  return reading((l) => talliesTexts(name(l), sampleSize, selfSelected, l));
}

function talliesTexts(
  source: string,
  sampleSize: number,
  selfSelected: boolean,
  l: Language,
): [string, string, string] {
  return selfSelected
    ? [
        `«${source}» — өз еркімен қатысқан ${n(sampleSize, 0, l)} адамның іріктемесі, кездейсоқ емес: аралықтар тек іріктеу қатесін көрсетеді, бүкіл сайлаушыларға таралмайды.`,
        `«${source}» — самоотобранная выборка из ${n(sampleSize, 0, l)} человек, не случайная: интервалы отражают только ошибку выборки и не переносятся на всех избирателей.`,
        `"${source}" is a self-selected sample of ${n(sampleSize, 0, l)} people, not a random one: intervals show sampling error only and do not generalise to all voters.`,
      ]
    : [
        `«${source}» бойынша ${n(sampleSize, 0, l)} бюллетень санақталды.`,
        `По источнику «${source}» учтено ${n(sampleSize, 0, l)} бюллетеней.`,
        `"${source}" counts ${n(sampleSize, 0, l)} ballots.`,
      ];
}

/**
 * How an uncertainty was obtained, in each language: the `described` line every result's
 * `uncertainty` carries beside its English `kind` (kept as it was for API clients).
 */
export const uncertaintyDescription = {
  bootstrap(
    over: 'stations' | 'districts' | 'stratified' | 'counts' | 'precincts',
    draws: number,
    seed: number,
    clusters = 0,
  ): Reading {
    return reading((l) => {
      const detail = [
        `(${n(draws, 0, l)} қайталау, тұқым ${seed})`,
        `(${n(draws, 0, l)} повторов, зерно ${seed})`,
        `(${n(draws, 0, l)} draws, seed ${seed})`,
      ];
      const names: Record<typeof over, [string, string, string]> = {
        stations: ['учаскелер бойынша бутстрэп', 'бутстрэп по участкам', 'bootstrap over stations'],
        districts: [
          `${n(clusters, 0, l)} аудан бойынша кластерлік бутстрэп`,
          `кластерный бутстрэп по ${n(clusters, 0, l)} районам`,
          `cluster bootstrap over ${n(clusters, 0, l)} districts`,
        ],
        stratified: [
          'аудан мен топ бойынша стратификацияланған бутстрэп',
          'стратифицированный бутстрэп (район × группа)',
          'stratified bootstrap (district × group)',
        ],
        counts: [
          'дауыс сандары бойынша бутстрэп',
          'бутстрэп по числам голосов',
          'bootstrap over vote counts',
        ],
        precincts: ['учаскелер бойынша бутстрэп', 'бутстрэп по участкам', 'bootstrap over precincts'],
      };
      const [kk, ru, en] = names[over];
      return [`${kk} ${detail[0]}`, `${ru} ${detail[1]}`, `${en} ${detail[2]}`];
    });
  },
  documents: (): Reading => ({
    kk: 'жоқ: құжаттарды учаске бойынша салыстыру',
    ru: 'нет: сравнение документов участок за участком',
    en: 'none: precinct-by-precinct comparison of documents',
  }),
  lowerBound: (): Reading => ({
    kk: 'жоқ: құжатталған бюллетеньдер саны, сондықтан төменгі шек',
    ru: 'нет: подсчёт задокументированных бюллетеней, поэтому нижняя граница',
    en: 'none: a count of documented ballots, hence a lower bound',
  }),
  descriptive: (): Reading => ({
    kk: 'сипаттамалық гистограмма; бұрыштағы үлес негізгі массаға сәйкестендірілген қалыпты үлестіріммен салыстырылады',
    ru: 'описательная гистограмма; доля в углу сравнивается с нормальным распределением, подогнанным к основной массе',
    en: 'descriptive histogram; the corner share is compared with a normal fitted to the bulk',
  }),
  monteCarloNull: (draws: number, seed: number): Reading =>
    reading((l) => [
      `нөлдік модельдің ${n(draws, 0, l)} Монте-Карло ойнатуы бойынша стандартты ауытқуы (тұқым ${seed})`,
      `стандартное отклонение нулевой модели по ${n(draws, 0, l)} розыгрышам Монте-Карло (зерно ${seed})`,
      `standard deviation of the null over ${n(draws, 0, l)} Monte Carlo draws (seed ${seed})`,
    ]),
  notFitted: (): Reading => ({
    kk: 'жоқ: әдіс бұл деректерге қолданылмады',
    ru: 'нет: метод к этим данным не применён',
    en: 'none: the method was not fitted on this data',
  }),
  wilson: (): Reading => ({
    kk: 'әр үлеске Уилсонның 95% аралығы; тек іріктеу қатесін көрсетеді',
    ru: '95%-й интервал Уилсона для каждой доли; отражает только ошибку выборки',
    en: '95% Wilson score interval per share; it covers sampling error only',
  }),
  fullCount: (): Reading => ({
    kk: 'толық санақ, іріктеу қатесі жоқ',
    ru: 'полный подсчёт, без ошибки выборки',
    en: 'full count, no sampling error',
  }),
};

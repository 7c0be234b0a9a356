import type { MethodInfo, Reading } from './types';

type Texts = Record<keyof Reading, { name: string; citation: string }>;

/**
 * A method in every language. `name` and `citation` stay the English ones (API clients read
 * them); `localized` has each language's. A cited work keeps its published title (so a reader
 * can find it), followed in kk and ru by a translation in square brackets.
 */
const method = (localized: Texts): MethodInfo => ({
  name: localized.en.name,
  citation: localized.en.citation,
  localized,
});

const NDI_EN = 'Parallel vote tabulation practice: NDI, "The Quick Count and Election Observation" (2002)';
const NDI_RU =
  'Практика параллельного подсчёта голосов: NDI, «The Quick Count and Election Observation» [«Быстрый подсчёт и наблюдение за выборами»] (2002)';
const NDI_KK =
  'Дауыстарды параллель санау тәжірибесі: NDI, «The Quick Count and Election Observation» [«Жедел санау және сайлауды бақылау»] (2002)';

/** Every method the analysis runs, with the work it follows. */
export const METHODS = {
  tallies: method({
    en: {
      name: 'Tallies by source and area with Wilson score intervals',
      citation:
        'E. B. Wilson, "Probable inference, the law of succession, and statistical inference", JASA 22 (1927) 209–212',
    },
    ru: {
      name: 'Подсчёт по источникам и территориям с интервалами Уилсона',
      citation:
        'E. B. Wilson, «Probable inference, the law of succession, and statistical inference» [«Вероятностный вывод, закон преемственности и статистический вывод»], JASA 22 (1927) 209–212',
    },
    kk: {
      name: 'Дереккөздер мен аумақтар бойынша санақ, Уилсон аралықтарымен',
      citation:
        'E. B. Wilson, «Probable inference, the law of succession, and statistical inference» [«Ықтималдық қорытынды, сабақтастық заңы және статистикалық қорытынды»], JASA 22 (1927) 209–212',
    },
  }),
  protocolDiscrepancies: method({
    en: { name: 'Observer protocol vs official result, per precinct', citation: NDI_EN },
    ru: { name: 'Протокол наблюдателя и официальный итог, по каждому участку', citation: NDI_RU },
    kk: { name: 'Бақылаушы хаттамасы мен ресми нәтиже, әр учаске бойынша', citation: NDI_KK },
  }),
  photoEvidence: method({
    en: {
      name: 'Photo-confirmed ballots exceeding the official count',
      citation: 'Belarus 2020 "Golos" platform final report (golos2020.org, 2020); data: demidov91/voice',
    },
    ru: {
      name: 'Сфотографированные бюллетени сверх официального подсчёта',
      citation:
        'Итоговый отчёт платформы «Голос», Беларусь 2020 (golos2020.org, 2020); данные: demidov91/voice',
    },
    kk: {
      name: 'Ресми санақтан асқан, суретпен расталған бюллетеньдер',
      citation:
        '«Голос» платформасының қорытынды есебі, Беларусь 2020 (golos2020.org, 2020); деректер: demidov91/voice',
    },
  }),
  observerEffect: method({
    en: {
      name: 'Observer effect: observed vs unobserved precincts, stratified by district',
      citation:
        'R. Enikolopov et al., "Field experiment estimate of electoral fraud in Russian parliamentary elections", PNAS 110 (2013) 448–452',
    },
    ru: {
      name: 'Эффект наблюдателей: участки с наблюдателями и без, с разбивкой по районам',
      citation:
        'Р. Ениколопов и др., «Field experiment estimate of electoral fraud in Russian parliamentary elections» [«Оценка фальсификаций на выборах в Государственную думу по данным полевого эксперимента»], PNAS 110 (2013) 448–452',
    },
    kk: {
      name: 'Бақылаушылар әсері: бақылаушысы бар және жоқ учаскелер, аудандар бойынша',
      citation:
        'Р. Ениколопов және т.б., «Field experiment estimate of electoral fraud in Russian parliamentary elections» [«Ресей парламент сайлауындағы бұрмалауды далалық эксперимент арқылы бағалау»], PNAS 110 (2013) 448–452',
    },
  }),
  fingerprint: method({
    en: {
      name: 'Election fingerprint: 2D histogram of turnout × leader share, weighted by voters',
      citation:
        'P. Klimek, Y. Yegorov, R. Hanel, S. Thurner, "Statistical detection of systematic election irregularities", PNAS 109 (2012) 16469–16473',
    },
    ru: {
      name: '«Отпечаток» выборов: двумерная гистограмма явки и доли лидера, взвешенная по избирателям',
      citation:
        'P. Klimek, Y. Yegorov, R. Hanel, S. Thurner, «Statistical detection of systematic election irregularities» [«Статистическое выявление систематических нарушений на выборах»], PNAS 109 (2012) 16469–16473',
    },
    kk: {
      name: 'Сайлаудың «саусақ ізі»: келу мен көшбасшы үлесінің екі өлшемді гистограммасы, сайлаушылар санымен өлшенген',
      citation:
        'P. Klimek, Y. Yegorov, R. Hanel, S. Thurner, «Statistical detection of systematic election irregularities» [«Сайлаудағы жүйелі бұзушылықтарды статистикалық анықтау»], PNAS 109 (2012) 16469–16473',
    },
  }),
  integerPercentages: method({
    en: {
      name: 'Integer percentages with a binomial Monte Carlo null',
      citation:
        'D. Kobak, S. Shpilkin, M. S. Pshenichnikov, "Integer percentages as electoral falsification fingerprints", Annals of Applied Statistics 10 (2016) 54–73; code: github.com/dkobak/elections',
    },
    ru: {
      name: 'Целые проценты с биномиальной нулевой моделью (Монте-Карло)',
      citation:
        'D. Kobak, S. Shpilkin, M. S. Pshenichnikov, «Integer percentages as electoral falsification fingerprints» [«Целые проценты как отпечатки фальсификаций на выборах»], Annals of Applied Statistics 10 (2016) 54–73; код: github.com/dkobak/elections',
    },
    kk: {
      name: 'Бүтін пайыздар, биномдық нөлдік модельмен (Монте-Карло)',
      citation:
        'D. Kobak, S. Shpilkin, M. S. Pshenichnikov, «Integer percentages as electoral falsification fingerprints» [«Бүтін пайыздар сайлаудағы бұрмалаудың іздері ретінде»], Annals of Applied Statistics 10 (2016) 54–73; код: github.com/dkobak/elections',
    },
  }),
  anomalousVotes: method({
    en: {
      name: "Anomalous votes by Shpilkin's clean-peak method",
      citation:
        'S. Shpilkin, "Статистическое исследование результатов российских выборов 2007–2009 гг.", Troitsky Variant (2009); described in D. Kobak, S. Shpilkin, M. S. Pshenichnikov, Significance 13(4) (2016) 20–23',
    },
    ru: {
      name: 'Аномальные голоса по методу «чистого пика» Шпилькина',
      citation:
        'С. Шпилькин, «Статистическое исследование результатов российских выборов 2007–2009 гг.», «Троицкий вариант» (2009); описан в: D. Kobak, S. Shpilkin, M. S. Pshenichnikov, Significance 13(4) (2016) 20–23',
    },
    kk: {
      name: 'Шпилькиннің «таза шың» әдісі бойынша аномал дауыстар',
      citation:
        'С. Шпилькин, «Статистическое исследование результатов российских выборов 2007–2009 гг.» [«2007–2009 жылғы Ресей сайлауы нәтижелерін статистикалық зерттеу»], «Троицкий вариант» (2009); сипаттамасы: D. Kobak, S. Shpilkin, M. S. Pshenichnikov, Significance 13(4) (2016) 20–23',
    },
  }),
  digitTests: method({
    en: {
      name: 'Second-digit and last-digit tests of vote counts',
      citation:
        'W. R. Mebane Jr., "Election forensics: vote counts and Benford\'s law" (2006) and "Fraud in the 2009 presidential election in Iran?", Chance 23 (2010); B. Beber, A. Scacco, "What the numbers say", Political Analysis 20 (2012) 211–234',
    },
    ru: {
      name: 'Тесты второй и последней цифры в числах голосов',
      citation:
        'W. R. Mebane Jr., «Election forensics: vote counts and Benford’s law» [«Выборная криминалистика: числа голосов и закон Бенфорда»] (2006) и «Fraud in the 2009 presidential election in Iran?» [«Фальсификации на президентских выборах 2009 года в Иране?»], Chance 23 (2010); B. Beber, A. Scacco, «What the numbers say» [«Что говорят цифры»], Political Analysis 20 (2012) 211–234',
    },
    kk: {
      name: 'Дауыс сандарының екінші және соңғы цифр сынақтары',
      citation:
        'W. R. Mebane Jr., «Election forensics: vote counts and Benford’s law» [«Сайлау криминалистикасы: дауыс сандары және Бенфорд заңы»] (2006) және «Fraud in the 2009 presidential election in Iran?» [«2009 жылғы Иран президенттік сайлауындағы бұрмалау?»], Chance 23 (2010); B. Beber, A. Scacco, «What the numbers say» [«Сандар не айтады»], Political Analysis 20 (2012) 211–234',
    },
  }),
  turnoutInflation: method({
    en: {
      name: 'Turnout inflation: official vs observer-protocol turnout at the same precincts',
      citation: NDI_EN,
    },
    ru: {
      name: 'Завышение явки: официальная явка и явка по протоколам наблюдателей на тех же участках',
      citation: NDI_RU,
    },
    kk: {
      name: 'Келуді асыру: сол учаскелердегі ресми келу мен бақылаушы хаттамаларындағы келу',
      citation: NDI_KK,
    },
  }),
} as const satisfies Record<string, MethodInfo>;

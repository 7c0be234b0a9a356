import type { analysisEn } from './en';

/** Талдау есебінің және оның графиктерінің мәтіндері (`analysis.*`). */
export const analysisKk: Record<keyof typeof analysisEn, string> = {
  'analysis.report_title': 'Бұрмалауды талдау: {election}',
  'analysis.report_intro':
    'Учаскелер нәтижелерінің статистикалық тексерулері. Әр бөлімде әдіс пен дереккөз, пайдаланылған деректер, учаскелер саны, бағаның белгісіздігі және бір жолдық қорытынды бар. Тест нәтижелердің шындыққа жанаспайтынын көрсете алады, бірақ оларды кім өзгерткенін атамайды.',
  'analysis.report_generated':
    '{date} есептелді. Кездейсоқ сандар тұқымы {seed}: бірдей деректер мен тұқым бірдей есеп береді.',
  'analysis.summary': 'Қорытынды',
  'analysis.stations': 'Сайлау учаскелері',
  'analysis.stations_with_result': 'ресми нәтижесі жарияланғаны',
  'analysis.registered': 'Тіркелген сайлаушылар',
  'analysis.turnout': 'Келу',
  'analysis.leader': 'Көшбасшы',
  'analysis.leader_share': 'Көшбасшы үлесі',
  'analysis.method': 'Әдіс',
  'analysis.source': 'Дереккөз',
  'analysis.inputs': 'Кіріс деректер',
  'analysis.sample_size': 'Іріктеме көлемі',
  'analysis.sample_size_value': '{count} учаске',
  'analysis.uncertainty': 'Белгісіздік',
  'analysis.not_computed': 'Есептелмеді: деректерде {what} жоқ.',
  'analysis.interval': '95% аралық: {low} – {high} ({kind})',
  'analysis.null_sd':
    'нөлдік модельдің стандартты ауытқуы {sd}, Монте-Карлоның {draws} ойнатуы бойынша (тұқым {seed})',
  'analysis.descriptive': 'сипаттамалық статистика ({note})',

  'analysis.section_tallies': 'Дереккөздер бойынша қорытындылар',
  'analysis.section_protocols': 'Бақылаушылар хаттамалары және ресми нәтиже',
  'analysis.section_photos': 'Бюллетень суреттері және ресми нәтиже',
  'analysis.section_observers': 'Бақылаушылар әсері',
  'analysis.section_fingerprint': 'Сайлаудың «саусақ ізі»',
  'analysis.section_integer': 'Бүтін пайыздар',
  'analysis.section_anomalous': 'Аномал дауыстар',
  'analysis.section_digits': 'Цифрлар сынағы',
  'analysis.section_inflation': 'Келуді асыру',
  'analysis.what_protocols': 'бақылаушылар хаттамаларының көшірмелері',
  'analysis.what_photos': 'бюллетень суреттері',
  'analysis.what_observers': 'бақылаушысы бар және жоқ учаскелер',
  'analysis.what_official': 'ресми нәтижелер',

  'analysis.figure_choice': 'Нұсқа',
  'analysis.figure_votes': 'Дауыстар',
  'analysis.figure_share': 'Үлес',
  'analysis.figure_integer_observed': 'Бүтін пайызды учаскелер',
  'analysis.figure_integer_expected': 'Кездейсоқ күтілетіні',
  'analysis.figure_excess': 'Артығы',
  'analysis.figure_clean_turnout': 'Таза келу (шың)',
  'analysis.figure_clean_share': 'Көшбасшының таза үлесі',
  'analysis.figure_anomalous_votes': 'Аномал дауыстар',
  'analysis.figure_statistic': 'Статистика',
  'analysis.figure_value': 'Мәні',
  'analysis.figure_expected': 'Күтілетіні',
  'analysis.figure_official_turnout': 'Ресми келу',
  'analysis.figure_protocol_turnout': 'Хаттамалар бойынша келу',
  'analysis.figure_extra_ballots': 'Артық бюллетеньдер',
  'analysis.figure_compared': 'Салыстырылған учаскелер',
  'analysis.figure_beyond_tolerance': 'Рұқсаттан тыс',
  'analysis.figure_moved_away': 'Алынғаны',
  'analysis.figure_moved_to': 'Қосылғаны',
  'analysis.self_selected': 'өз еркімен іріктелген',

  'analysis.tally_official': 'Ресми нәтиже',
  'analysis.tally_voters': 'Сайлаушылардың өз есебі',
  'analysis.tally_photos': 'Суретке түсірілген бюллетеньдер',
  'analysis.tally_observers': 'Бақылаушылар хаттамалары',

  'analysis.chart_fingerprint_title': 'Сайлаудың «саусақ ізі»',
  'analysis.chart_fingerprint_description':
    'Сайлаушылар учаскесіндегі келу мен көшбасшы үлесі бойынша; шаршы неғұрлым қою болса, сайлаушы соғұрлым көп. Әділ сайлау — бір дақ; бюллетень салу оны жоғарғы оң бұрышқа қарай жаяды.',
  'analysis.chart_turnout_title': 'Келудің таралуы',
  'analysis.chart_turnout_description':
    'Сайлаушылар учаскесіндегі келу бойынша, 1 п.т. қадаммен; үзік сызық — «таза» келу шыңы.',
  'analysis.chart_turnout_marker': 'таза шың',
  'analysis.chart_spikes_turnout_title': 'Келу 0,1 п.т. қадаммен',
  'analysis.chart_spikes_share_title': 'Көшбасшы үлесі 0,1 п.т. қадаммен',
  'analysis.chart_spikes_description':
    'Әр 0,1 п.т. аралықтағы учаскелер саны; жіңішке сызықтар — бүтін пайыздар. Адал санақ мұндай қадамда тегіс; сызықтардағы шыңдар нәтижелердің дөңгелек санға жазылғанын білдіреді.',
  'analysis.chart_observers_title': 'Бақылаушымен және бақылаушысыз',
  'analysis.chart_observers_description':
    'Тәуелсіз бақылаушысы бар және жоқ учаскелердегі келу мен әр нұсқаның үлесі, 95% бутстреп аралықтарымен.',
  'analysis.chart_observed': 'Бақылаушы бар',
  'analysis.chart_unobserved': 'Бақылаушы жоқ',
  'analysis.axis_turnout': 'Келу',
  'analysis.axis_leader_share': 'Көшбасшы үлесі',
  'analysis.axis_voters': 'Тіркелген сайлаушылар',
  'analysis.axis_stations': 'Учаскелер',
  'analysis.axis_share': 'Үлес',

  // The dashboard's analysis page (was web/dashboard/analysis/texts).
  'analysis.heading': 'Бұрмалауды талдау',
  'analysis.computing': 'Талдау есептелуде…',
  'analysis.loadError': 'Талдауды жүктеу мүмкін болмады. Қайта көру үшін бетті жаңартыңыз.',
  'analysis.printable': 'Басып шығаруға арналған есеп (HTML; басып шығарыңыз не PDF ретінде сақтаңыз)',
  'analysis.observers.counts': 'Тәуелсіз бақылаушы болған учаскелер: {observed}, болмағаны: {unobserved}.',
  'analysis.observers.points':
    'Айырма — «бақылаушысыз» минус «бақылаушымен», пайыздық тармақпен. Бақылаушылар кездейсоқ жіберілмеген: аудан ішіндегі салыстыру әділірек.',
  'analysis.observers.difference': 'Айырма, пайыздық тармақ (95% аралық)',
  'analysis.observers.stratified': 'Аудандар ішінде ({districts}), п. т.',
  'analysis.observers.measure': 'Көрсеткіш',
  'analysis.photo.compared':
    'Нәтижесі жарияланған {count} учаскеде салыстырылды. Сайлаушылар үміткерге ресми есептелгеннен көп бюллетеньді суретке түсірген жерде ресми сан жалған.',
  'analysis.photo.stations': 'Суреттер ресми санақтан көп учаскелер',
  'analysis.photo.votes': 'Алынған дауыстар, кем дегенде',

  // One-line readings of the results and how their uncertainty was obtained (src/analysis/readings.ts
  // chooses the key and its params; the results carry them rendered in every language).
  'analysis.reading.integer_significant':
    '{stations} учаскенің {excess}-інде бүтін пайыз кездейсоқ күтілгеннен артық (z = {z}): нәтижелер дөңгелек санға жазылған болуы ықтимал.',
  'analysis.reading.integer_chance':
    'Бүтін пайыздар саны кездейсоқтықтан айырмашылығы жоқ ({stations} учаске, z = {z}).',
  'analysis.reading.anomalous_found':
    'Таза шыңнан ({turnout} келу) асқан аномал дауыстар: шамамен {votes} (95%: {low}–{high}).',
  'analysis.reading.anomalous_none':
    'Келу шыңынан жоғары учаскелерде көшбасшы үлесі өспейді: аномал дауыстар анықталмады (95%: {low}–{high}).',
  'analysis.reading.anomalous_too_few_stations':
    'Аномал дауыстар есептелмеді: келу шыңын {stations} учаскеден табу мүмкін емес, әдіске кемінде {needed} учаске керек.',
  'analysis.reading.anomalous_too_few_at_peak':
    'Аномал дауыстар есептелмеді: келу шыңына ({peak}) дейін тек {below} учаске бар, көшбасшының таза үлесін бағалауға кемінде {needed} керек.',
  'analysis.reading.anomalous_clean_share_degenerate':
    'Аномал дауыстар есептелмеді: келу шыңына дейінгі учаскелерде көшбасшы үлесі {share}, 0% не 100% таза үлес ретінде жарамайды.',
  'analysis.reading.fingerprint_extreme':
    'Сайлаушылардың {share}-і келуі де, көшбасшы үлесі де 95%-дан асқан учаскелерде: «саусақ ізінде» экстремал бұрмалау белгісі бар.',
  'analysis.reading.fingerprint_blob':
    '«Саусақ ізі» бір дақ тәрізді; 95%/95% бұрышында сайлаушылардың {share}-і ғана.',
  'analysis.digit_statistic.secondDigitMean': 'екінші цифр орташасы',
  'analysis.digit_statistic.lastDigitMean': 'соңғы цифр орташасы',
  'analysis.digit_statistic.zeroFiveShare': '0 мен 5 үлесі',
  'analysis.reading.digit_flag': '{choice}: {statistic}',
  'analysis.reading.digits_depart':
    'Цифрлар сынағы күтілгеннен ауытқиды ({flagged}): жалғыз өзі дәлел емес, бірақ тексеруге негіз.',
  'analysis.reading.digits_agree': 'Цифрлар сынағы күтілгенмен сәйкес келеді.',
  'analysis.reading.observer_what_turnout': 'келу',
  'analysis.reading.observer_what_share': '«{choice}» үлесі',
  'analysis.reading.observer_scope_within': 'екі түрлі учаскесі бар {districts} ауданның ішінде',
  'analysis.reading.observer_scope_all': 'барлық учаскелер бойынша',
  // No closing dot: the sentence's own full stop ends the abbreviation (no "п.т..").
  'analysis.reading.observer_overall': '; жалпы {overall} п.т',
  'analysis.reading.observer_significant':
    'Ең күшті әсер: бақылаушысыз {what} {scope} {difference} п.т. өзгеше (95%: {low}…{high}){overall}.',
  'analysis.reading.observer_chance':
    'Бақылаушы бар және жоқ учаскелердің айырмасы кездейсоқтықтан аспайды; ең үлкені — {scope} {what}: {difference} п.т. (95%: {low}…{high}).',
  'analysis.reading.photo_exceeds':
    '{stations} учаскеде «{choice}» үшін суретпен расталған бюллетеньдер ресми саннан көп: ресми нәтиже кем дегенде {votes} дауысқа жалған.',
  'analysis.reading.photo_within': '«{choice}» бойынша суреттер ресми санынан аспайды.',
  'analysis.reading.protocols':
    '{compared} учаскенің {beyond}-інде бақылаушы хаттамасы ресми нәтижеден рұқсаттан тыс ерекшеленеді.',
  'analysis.reading.inflation_found':
    '{stations} учаскеде ресми келу хаттамадағыдан {difference} п.т. жоғары (95%: {low}…{high}).',
  'analysis.reading.inflation_none': '{stations} учаскеде ресми келу хаттамадағымен сәйкес.',
  'analysis.reading.source_official': 'ресми нәтиже',
  'analysis.reading.source_voters': 'сайлаушылардың өз есебі',
  'analysis.reading.source_photos': 'суретке түсірілген бюллетеньдер',
  'analysis.reading.source_observers': 'бақылаушылар хаттамалары',
  'analysis.reading.tally_self_selected':
    '«{source}» — өз еркімен қатысқан {count} адамның іріктемесі, кездейсоқ емес: аралықтар тек іріктеу қатесін көрсетеді, бүкіл сайлаушыларға таралмайды.',
  'analysis.reading.tally_counts': '«{source}» бойынша {count} бюллетень санақталды.',
  'analysis.uncertainty.bootstrap_stations': 'учаскелер бойынша бутстрэп ({draws} қайталау, тұқым {seed})',
  'analysis.uncertainty.bootstrap_districts':
    '{clusters} аудан бойынша кластерлік бутстрэп ({draws} қайталау, тұқым {seed})',
  'analysis.uncertainty.bootstrap_stratified':
    'аудан мен топ бойынша стратификацияланған бутстрэп ({draws} қайталау, тұқым {seed})',
  'analysis.uncertainty.bootstrap_counts': 'дауыс сандары бойынша бутстрэп ({draws} қайталау, тұқым {seed})',
  'analysis.uncertainty.bootstrap_precincts': 'учаскелер бойынша бутстрэп ({draws} қайталау, тұқым {seed})',
  'analysis.uncertainty.documents': 'жоқ: құжаттарды учаске бойынша салыстыру',
  'analysis.uncertainty.lower_bound': 'жоқ: құжатталған бюллетеньдер саны, сондықтан төменгі шек',
  'analysis.uncertainty.descriptive':
    'сипаттамалық гистограмма; бұрыштағы үлес негізгі массаға сәйкестендірілген қалыпты үлестіріммен салыстырылады',
  'analysis.uncertainty.monte_carlo_null':
    'нөлдік модельдің {draws} Монте-Карло ойнатуы бойынша стандартты ауытқуы (тұқым {seed})',
  'analysis.uncertainty.not_fitted': 'жоқ: әдіс бұл деректерге қолданылмады',
  'analysis.uncertainty.wilson': 'әр үлеске Уилсонның 95% аралығы; тек іріктеу қатесін көрсетеді',
  'analysis.uncertainty.full_count': 'толық санақ, іріктеу қатесі жоқ',
};

import type { AnalysisMessageKey } from './en';

/** Талдау бетінің қазақша мәтіндері. */
export const analysisKk: Record<AnalysisMessageKey, string> = {
  'analysis.heading': 'Бұрмалауды талдау',
  'analysis.intro':
    'Ресми нәтижелердің статистикалық тексерістері және сыртқы дәлелдердің (суретке түсірілген бюллетеньдер, бақылаушылар) көрсеткені. Әр нәтижеде әдісі, іріктеме көлемі және белгісіздігі көрсетілген.',
  'analysis.computing': 'Талдау есептелуде…',
  'analysis.loadError': 'Талдауды жүктеу мүмкін болмады. Қайта көру үшін бетті жаңартыңыз.',
  'analysis.summary':
    'Учаскелер: {stations}, ресми нәтижесі жарияланғаны: {official}. Ресми қатысу {turnout}; {leader} {share}.',
  'analysis.printable': 'Басып шығаруға арналған есеп (HTML; басып шығарыңыз не PDF ретінде сақтаңыз)',
  'analysis.computedAt': '{time} кезінде есептелді (кездейсоқ сандар тұқымы {seed}).',
  'analysis.absent': 'Есептелмеді, деректерде қажеттісі жоқ: {methods}.',
  'analysis.method': 'Әдіс',
  'analysis.sampleSize': 'Іріктеме көлемі',
  'analysis.sd': 'стандартты ауытқу {sd}',
  'analysis.uncertainty': 'Белгісіздік',
  'analysis.choice': 'Таңдау',
  'analysis.turnout': 'Қатысу',
  'analysis.leaderShare': '{leader} үлесі',
  'analysis.stations': 'Учаскелер',
  'analysis.voters': 'Тізімдегі сайлаушылар',
  'analysis.photo.heading': 'Суретке түсірілген бюллетеньдер ресми санаққа қарсы',
  'analysis.photo.compared':
    'Нәтижесі жарияланған {count} учаскеде салыстырылды. Сайлаушылар үміткерге ресми есептелгеннен көп бюллетеньді суретке түсірген жерде ресми сан жалған.',
  'analysis.photo.stations': 'Суреттер ресми санақтан көп учаскелер',
  'analysis.photo.votes': 'Алынған дауыстар, кем дегенде',
  'analysis.observers.heading': 'Бақылаушылар әсері',
  'analysis.observers.counts': 'Тәуелсіз бақылаушы болған учаскелер: {observed}, болмағаны: {unobserved}.',
  'analysis.observers.observed': 'Бақылаушымен',
  'analysis.observers.unobserved': 'Бақылаушысыз',
  'analysis.observers.measure': 'Көрсеткіш',
  'analysis.observers.rate': 'Қатысу не үлес',
  'analysis.observers.difference': 'Айырма, пайыздық тармақ (95% аралық)',
  'analysis.observers.stratified': 'Аудандар ішінде ({districts}), п. т.',
  'analysis.observers.chartDescription':
    'Бақылаушы болған және болмаған учаскелердегі қатысу мен әр үміткердің үлесі, 95% бутстрэп аралықтарымен.',
  'analysis.observers.points':
    'Айырма — «бақылаушысыз» минус «бақылаушымен», пайыздық тармақпен. Бақылаушылар кездейсоқ жіберілмеген: аудан ішіндегі салыстыру әділірек.',
  'analysis.fingerprint.heading': 'Сайлаудың саусақ ізі',
  'analysis.fingerprint.description':
    'Сайлаушылар учаскедегі қатысу (көлденең) және көшбасшы үлесі (тік) бойынша. Адал санақ — бір ықшам дақ; бюллетень тастау оны жоғарғы оң жақ бұрышқа қарай жаяды.',
  'analysis.turnoutHistogram.heading': 'Қатысу гистограммасы',
  'analysis.turnoutHistogram.description':
    'Тізімдегі сайлаушылар учаскедегі қатысу бойынша, 1 тармақтық аралықтар.',
  'analysis.integer.heading': 'Бүтін пайыздар',
  'analysis.integer.figures':
    '{included} учаскенің {observed}-інде қатысу не көшбасшы үлесі бүтін пайыз; кездейсоқ күтілетіні {expected} ± {sd}. Артығы {excess}, z = {z}.',
  'analysis.integer.turnoutTitle': 'Учаскелер қатысу бойынша, 0,1 тармақтық аралықтар',
  'analysis.integer.shareTitle': 'Учаскелер көшбасшы үлесі бойынша, 0,1 тармақтық аралықтар',
  'analysis.integer.description':
    'Бүтін пайыз сызықтарындағы шыңдар сандардың дөңгелек мәндерге келтірілгенін білдіреді.',
  'analysis.anomalous.heading': 'Аномалды дауыстар',
  'analysis.anomalous.peak': 'таза шың',
  'analysis.anomalous.figures':
    'Таза қатысу {turnout}, көшбасшының таза үлесі {share}; аномалды дауыстар {votes}.',
  'analysis.digits.heading': 'Цифрлар сынағы',
  'analysis.protocols.heading': 'Бақылаушылар хаттамалары ресми нәтижеге қарсы',
  'analysis.inflation.heading': 'Қатысуды асыру',
  'analysis.tallies.heading': 'Санақ: {source}',
  'analysis.source.official': 'ресми нәтижелер',
  'analysis.source.voters': 'сайлаушылар хабарламалары',
  'analysis.source.photos': 'суретке түсірілген бюллетеньдер',
  'analysis.source.observers': 'бақылаушылар хаттамалары',
};

import type { AnalysisMessageKey } from './en';

/** Тексты страницы анализа на русском. */
export const analysisRu: Record<AnalysisMessageKey, string> = {
  'analysis.heading': 'Анализ фальсификаций',
  'analysis.intro':
    'Статистические проверки официальных результатов и то, что показывают внешние свидетельства (сфотографированные бюллетени, наблюдатели). У каждого результата указаны метод, размер выборки и неопределённость.',
  'analysis.computing': 'Анализ вычисляется…',
  'analysis.loadError': 'Не удалось загрузить анализ. Обновите страницу, чтобы попробовать снова.',
  'analysis.summary':
    'Участков: {stations}, с опубликованным официальным результатом: {official}. Официальная явка {turnout}; {leader} {share}.',
  'analysis.printable': 'Отчёт для печати (HTML; распечатайте или сохраните в PDF)',
  'analysis.computedAt': 'Вычислено в {time} (зерно случайных чисел {seed}).',
  'analysis.absent': 'Не вычислено, в данных нет нужного: {methods}.',
  'analysis.method': 'Метод',
  'analysis.sampleSize': 'Размер выборки',
  'analysis.sd': 'стандартное отклонение {sd}',
  'analysis.uncertainty': 'Неопределённость',
  'analysis.choice': 'Выбор',
  'analysis.turnout': 'Явка',
  'analysis.leaderShare': 'Доля {leader}',
  'analysis.stations': 'Участки',
  'analysis.voters': 'Избиратели в списках',
  'analysis.photo.heading': 'Сфотографированные бюллетени против официального подсчёта',
  'analysis.photo.compared':
    'Сравнено на {count} участках с опубликованным результатом. Где избиратели сфотографировали больше бюллетеней за кандидата, чем ему официально насчитали, официальная цифра ложна.',
  'analysis.photo.stations': 'Участки, где фото больше официального подсчёта',
  'analysis.photo.votes': 'Отнято голосов, не меньше',
  'analysis.observers.heading': 'Эффект наблюдателей',
  'analysis.observers.counts':
    'Участков с независимым наблюдателем: {observed}, без наблюдателя: {unobserved}.',
  'analysis.observers.observed': 'С наблюдателем',
  'analysis.observers.unobserved': 'Без наблюдателя',
  'analysis.observers.measure': 'Показатель',
  'analysis.observers.rate': 'Явка или доля',
  'analysis.observers.difference': 'Разница, п. п. (95% интервал)',
  'analysis.observers.stratified': 'Внутри районов ({districts}), п. п.',
  'analysis.observers.chartDescription':
    'Явка и доля каждого кандидата на участках с наблюдателем и без, с 95% бутстрэп-интервалами.',
  'analysis.observers.points':
    'Разница — «без» минус «с», в процентных пунктах. Наблюдателей направляли не случайно: сравнение внутри районов честнее.',
  'analysis.fingerprint.heading': 'Отпечаток выборов',
  'analysis.fingerprint.description':
    'Избиратели по явке участка (по горизонтали) и доле лидера (по вертикали). Честный подсчёт — одно компактное пятно; вбросы размазывают его к правому верхнему углу.',
  'analysis.turnoutHistogram.heading': 'Гистограмма явки',
  'analysis.turnoutHistogram.description': 'Избиратели в списках по явке участка, интервалы по 1 пункту.',
  'analysis.integer.heading': 'Целые проценты',
  'analysis.integer.figures':
    'Из {included} участков у {observed} явка или доля лидера — целый процент; случайно ожидается {expected} ± {sd}. Избыток {excess}, z = {z}.',
  'analysis.integer.turnoutTitle': 'Участки по явке, интервалы по 0,1 пункта',
  'analysis.integer.shareTitle': 'Участки по доле лидера, интервалы по 0,1 пункта',
  'analysis.integer.description':
    'Пики на линиях целых процентов означают цифры, подогнанные под круглые значения.',
  'analysis.anomalous.heading': 'Аномальные голоса',
  'analysis.anomalous.peak': 'чистый пик',
  'analysis.anomalous.figures':
    'Чистая явка {turnout}, чистая доля лидера {share}; аномальных голосов {votes}.',
  'analysis.digits.heading': 'Тесты цифр',
  'analysis.protocols.heading': 'Протоколы наблюдателей против официального результата',
  'analysis.inflation.heading': 'Завышение явки',
  'analysis.tallies.heading': 'Подсчёт: {source}',
  'analysis.source.official': 'официальные результаты',
  'analysis.source.voters': 'сообщения избирателей',
  'analysis.source.photos': 'сфотографированные бюллетени',
  'analysis.source.observers': 'протоколы наблюдателей',
};

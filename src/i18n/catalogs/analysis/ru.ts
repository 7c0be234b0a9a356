import type { analysisEn } from './en';

/** Тексты печатного отчёта об анализе и его графиков (`analysis.*`). */
export const analysisRu: Record<keyof typeof analysisEn, string> = {
  'analysis.report_title': 'Анализ фальсификаций: {election}',
  'analysis.report_intro':
    'Статистические проверки результатов по участкам. В каждом разделе — метод и источник, использованные данные, число участков, неопределённость оценки и вывод в одну строку. Тест может показать, что результаты неправдоподобны, но не называет, кто их изменил.',
  'analysis.report_generated':
    'Рассчитано {date}. Зерно случайных чисел {seed}: те же данные и зерно дают тот же отчёт.',
  'analysis.summary': 'Итоги',
  'analysis.stations': 'Избирательные участки',
  'analysis.stations_with_result': 'с опубликованным официальным итогом',
  'analysis.registered': 'Зарегистрировано избирателей',
  'analysis.turnout': 'Явка',
  'analysis.leader': 'Лидер',
  'analysis.leader_share': 'Доля лидера',
  'analysis.method': 'Метод',
  'analysis.source': 'Источник',
  'analysis.inputs': 'Входные данные',
  'analysis.sample_size': 'Объём выборки',
  'analysis.sample_size_value': '{count} участков',
  'analysis.uncertainty': 'Неопределённость',
  'analysis.not_computed': 'Не рассчитано: в данных нет {what}.',
  'analysis.interval': '95%-й интервал от {low} до {high} ({kind})',
  'analysis.null_sd':
    'стандартное отклонение нулевой модели {sd} по {draws} розыгрышам Монте-Карло (зерно {seed})',
  'analysis.descriptive': 'описательная статистика ({note})',

  'analysis.section_tallies': 'Итоги по источникам',
  'analysis.section_protocols': 'Протоколы наблюдателей и официальный итог',
  'analysis.section_photos': 'Фотографии бюллетеней и официальный итог',
  'analysis.section_observers': 'Эффект наблюдателей',
  'analysis.section_fingerprint': '«Отпечаток» выборов',
  'analysis.section_integer': 'Целые проценты',
  'analysis.section_anomalous': 'Аномальные голоса',
  'analysis.section_digits': 'Цифровые тесты',
  'analysis.section_inflation': 'Завышение явки',
  'analysis.what_protocols': 'копий протоколов наблюдателей',
  'analysis.what_photos': 'фотографий бюллетеней',
  'analysis.what_observers': 'участков как с наблюдателями, так и без них',
  'analysis.what_official': 'официальных итогов',

  'analysis.figure_choice': 'Вариант',
  'analysis.figure_votes': 'Голоса',
  'analysis.figure_share': 'Доля',
  'analysis.figure_integer_observed': 'Участков с целым процентом',
  'analysis.figure_integer_expected': 'Ожидается случайно',
  'analysis.figure_excess': 'Избыток',
  'analysis.figure_clean_turnout': 'Чистая явка (пик)',
  'analysis.figure_clean_share': 'Чистая доля лидера',
  'analysis.figure_anomalous_votes': 'Аномальные голоса',
  'analysis.figure_statistic': 'Статистика',
  'analysis.figure_value': 'Значение',
  'analysis.figure_expected': 'Ожидается',
  'analysis.figure_official_turnout': 'Официальная явка',
  'analysis.figure_protocol_turnout': 'Явка по протоколам',
  'analysis.figure_extra_ballots': 'Лишние бюллетени',
  'analysis.figure_compared': 'Сравнено участков',
  'analysis.figure_beyond_tolerance': 'Сверх допуска',
  'analysis.figure_moved_away': 'Отнято',
  'analysis.figure_moved_to': 'Добавлено',
  'analysis.self_selected': 'самоотобранная выборка',

  'analysis.tally_official': 'Официальный итог',
  'analysis.tally_voters': 'Подсчёт самих избирателей',
  'analysis.tally_photos': 'Сфотографированные бюллетени',
  'analysis.tally_observers': 'Протоколы наблюдателей',

  'analysis.chart_fingerprint_title': '«Отпечаток» выборов',
  'analysis.chart_fingerprint_description':
    'Избиратели по явке и доле лидера на их участке; чем темнее квадрат, тем больше избирателей. Честные выборы — одно пятно; вбросы размазывают его к правому верхнему углу.',
  'analysis.chart_turnout_title': 'Распределение явки',
  'analysis.chart_turnout_description':
    'Избиратели по явке на их участке, шаг 1 п.п.; пунктир — пик «чистой» явки.',
  'analysis.chart_turnout_marker': 'чистый пик',
  'analysis.chart_spikes_turnout_title': 'Явка с шагом 0,1 п.п.',
  'analysis.chart_spikes_share_title': 'Доля лидера с шагом 0,1 п.п.',
  'analysis.chart_spikes_description':
    'Число участков в каждом интервале 0,1 п.п.; тонкие линии — целые проценты. Честный подсчёт при таком шаге гладкий; пики на линиях означают результаты, подогнанные под круглые числа.',
  'analysis.chart_observers_title': 'С наблюдателями и без',
  'analysis.chart_observers_description':
    'Явка и доля каждого варианта на участках с независимым наблюдателем и без него, с 95%-ми бутстреп-интервалами.',
  'analysis.chart_observed': 'С наблюдателем',
  'analysis.chart_unobserved': 'Без наблюдателя',
  'analysis.axis_turnout': 'Явка',
  'analysis.axis_leader_share': 'Доля лидера',
  'analysis.axis_voters': 'Зарегистрировано избирателей',
  'analysis.axis_stations': 'Участки',
  'analysis.axis_share': 'Доля',

  // The dashboard's analysis page (was web/dashboard/analysis/texts).
  'analysis.heading': 'Анализ фальсификаций',
  'analysis.computing': 'Анализ вычисляется…',
  'analysis.loadError': 'Не удалось загрузить анализ. Обновите страницу, чтобы попробовать снова.',
  'analysis.printable': 'Отчёт для печати (HTML; распечатайте или сохраните в PDF)',
  'analysis.observers.counts':
    'Участков с независимым наблюдателем: {observed}, без наблюдателя: {unobserved}.',
  'analysis.observers.points':
    'Разница — «без» минус «с», в процентных пунктах. Наблюдателей направляли не случайно: сравнение внутри районов честнее.',
  'analysis.observers.difference': 'Разница, п. п. (95% интервал)',
  'analysis.observers.stratified': 'Внутри районов ({districts}), п. п.',
  'analysis.observers.measure': 'Показатель',
  'analysis.photo.compared':
    'Сравнено на {count} участках с опубликованным результатом. Где избиратели сфотографировали больше бюллетеней за кандидата, чем ему официально насчитали, официальная цифра ложна.',
  'analysis.photo.stations': 'Участки, где фото больше официального подсчёта',
  'analysis.photo.votes': 'Отнято голосов, не меньше',

  // One-line readings of the results and how their uncertainty was obtained (src/analysis/readings.ts
  // chooses the key and its params; the results carry them rendered in every language).
  'analysis.reading.integer_significant':
    'На {excess} из {stations} участков больше целых процентов, чем даёт случайность (z = {z}): похоже, результаты подгоняли под круглые числа.',
  'analysis.reading.integer_chance':
    'Целых процентов не больше, чем даёт случайность ({stations} участков, z = {z}).',
  'analysis.reading.anomalous_found':
    'Аномальных голосов за лидера сверх «чистого пика» явки ({turnout}): около {votes} (95%: {low}–{high}).',
  'analysis.reading.anomalous_none':
    'На участках с явкой выше пика доля лидера не растёт: аномальные голоса не обнаружены (95%: {low}–{high}).',
  'analysis.reading.anomalous_too_few_stations':
    'Аномальные голоса не оценены: пик явки нельзя найти по {stations} участкам, методу нужно не меньше {needed}.',
  'analysis.reading.anomalous_too_few_at_peak':
    'Аномальные голоса не оценены: до пика явки ({peak}) лишь {below} участков, а для оценки «чистой» доли лидера нужно не меньше {needed}.',
  'analysis.reading.anomalous_clean_share_degenerate':
    'Аномальные голоса не оценены: доля лидера на участках до пика явки — {share}; 0% или 100% не годятся как «чистая» доля.',
  'analysis.reading.fingerprint_extreme':
    '{share} избирателей на участках, где и явка, и доля лидера выше 95%: в «отпечатке» виден след экстремальных вбросов.',
  'analysis.reading.fingerprint_blob':
    '«Отпечаток» выборов — одно пятно; в углу 95%/95% лишь {share} избирателей.',
  'analysis.digit_statistic.secondDigitMean': 'среднее второй цифры',
  'analysis.digit_statistic.lastDigitMean': 'среднее последней цифры',
  'analysis.digit_statistic.zeroFiveShare': 'доля нулей и пятёрок',
  'analysis.reading.digit_flag': '{choice}: {statistic}',
  'analysis.reading.digits_depart':
    'Цифровые тесты отклоняются от ожидаемого ({flagged}): само по себе не доказательство, но повод проверить.',
  'analysis.reading.digits_agree': 'Цифровые тесты согласуются с ожидаемым.',
  'analysis.reading.observer_what_turnout': 'явка',
  'analysis.reading.observer_what_share': 'доля «{choice}»',
  'analysis.reading.observer_scope_within': 'внутри {districts} районов, где есть участки обоих видов',
  'analysis.reading.observer_scope_all': 'по всем участкам',
  // No closing dot: the sentence's own full stop ends the abbreviation (no "п.п..").
  'analysis.reading.observer_overall': '; в целом {overall} п.п',
  'analysis.reading.observer_significant':
    'Сильнейший эффект: без наблюдателя {what} {scope} отличается на {difference} п.п. (95%: {low}…{high}){overall}.',
  'analysis.reading.observer_chance':
    'Различия между участками с наблюдателями и без них не выходят за пределы случайности; наибольшее — {what} {scope}: {difference} п.п. (95%: {low}…{high}).',
  'analysis.reading.photo_exceeds':
    'На {stations} участках сфотографированных бюллетеней за «{choice}» больше официального числа: официальный итог занижен минимум на {votes} голосов.',
  'analysis.reading.photo_within': 'Фотографий бюллетеней за «{choice}» не больше официального числа.',
  'analysis.reading.protocols':
    'На {beyond} из {compared} участков копия протокола наблюдателя расходится с официальным итогом сверх допуска.',
  'analysis.reading.inflation_found':
    'На {stations} участках официальная явка выше, чем в протоколах наблюдателей, на {difference} п.п. (95%: {low}…{high}).',
  'analysis.reading.inflation_none':
    'На {stations} участках официальная явка совпадает с протоколами наблюдателей.',
  'analysis.reading.source_official': 'официальный итог',
  'analysis.reading.source_voters': 'подсчёт самих избирателей',
  'analysis.reading.source_photos': 'сфотографированные бюллетени',
  'analysis.reading.source_observers': 'протоколы наблюдателей',
  'analysis.reading.tally_self_selected':
    '«{source}» — самоотобранная выборка из {count} человек, не случайная: интервалы отражают только ошибку выборки и не переносятся на всех избирателей.',
  'analysis.reading.tally_counts': 'По источнику «{source}» учтено {count} бюллетеней.',
  'analysis.uncertainty.bootstrap_stations': 'бутстрэп по участкам ({draws} повторов, зерно {seed})',
  'analysis.uncertainty.bootstrap_districts':
    'кластерный бутстрэп по {clusters} районам ({draws} повторов, зерно {seed})',
  'analysis.uncertainty.bootstrap_stratified':
    'стратифицированный бутстрэп (район × группа) ({draws} повторов, зерно {seed})',
  'analysis.uncertainty.bootstrap_counts': 'бутстрэп по числам голосов ({draws} повторов, зерно {seed})',
  'analysis.uncertainty.bootstrap_precincts': 'бутстрэп по участкам ({draws} повторов, зерно {seed})',
  'analysis.uncertainty.documents': 'нет: сравнение документов участок за участком',
  'analysis.uncertainty.lower_bound': 'нет: подсчёт задокументированных бюллетеней, поэтому нижняя граница',
  'analysis.uncertainty.descriptive':
    'описательная гистограмма; доля в углу сравнивается с нормальным распределением, подогнанным к основной массе',
  'analysis.uncertainty.monte_carlo_null':
    'стандартное отклонение нулевой модели по {draws} розыгрышам Монте-Карло (зерно {seed})',
  'analysis.uncertainty.not_fitted': 'нет: метод к этим данным не применён',
  'analysis.uncertainty.wilson': '95%-й интервал Уилсона для каждой доли; отражает только ошибку выборки',
  'analysis.uncertainty.full_count': 'полный подсчёт, без ошибки выборки',
};

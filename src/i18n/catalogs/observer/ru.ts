import type { ObserverMessageKey } from './en';

/** Тексты бота наблюдателей (`observer.*`) по-русски; те же ключи и плейсхолдеры, что в `en`. */
export const observerRu: Record<ObserverMessageKey, string> = {
  'observer.not_invited':
    'Этот бот — для наблюдателей, приглашённых координатором. Если у вас есть приглашение, откройте полученную ссылку или отправьте /start и ваш код.',
  'observer.invite_invalid':
    'Этот код приглашения недействителен или отозван. Попросите у координатора новое приглашение.',
  'observer.invite_invalid_kept':
    'Этот код приглашения недействителен или отозван. Ваши участки остаются прежними.',
  'observer.welcome': 'Добро пожаловать! Вы — независимый наблюдатель на выборах «{election}».',
  'observer.privacy_note':
    'Ваши контактные данные хранятся в зашифрованном виде; в публичных результатах указано только число участков с наблюдателем, но не кто он.',
  'observer.menu': 'Что вы хотите сделать?',
  'observer.menu_protocol': '📝 Отправить протокол',
  'observer.menu_violation': '⚠️ Сообщить о нарушении',
  'observer.menu_precincts': '📍 Мои участки',
  'observer.menu_language': '🌐 Язык',
  'observer.sos_button': '🆘 SOS',
  'observer.back_to_menu': '≡ Меню',
  'observer.help':
    'Я принимаю от наблюдателей протоколы с итогами и сообщения о нарушениях.\n/menu: меню\n/sos: сразу поднять тревогу у координаторов\n/precincts: мои участки\n/language: сменить язык',
  'observer.unknown_command': 'Я не знаю такой команды. Отправьте /help, чтобы увидеть, что я умею.',
  'observer.choose_language': 'Выберите язык.',
  'observer.language_set': 'Язык: русский.',
  'observer.my_precincts': 'Ваши участки ({count}):',
  'observer.precinct_label': 'Участок № {number}, {name}',
  'observer.page_previous': '◀ Назад',
  'observer.page_next': 'Далее ▶',
  'observer.use_buttons': 'Пожалуйста, пользуйтесь кнопками.',
  'observer.stale_button': 'Эта кнопка больше не действует.',
  'observer.unexpected_media': 'Сейчас фото или видео не нужно.',
  'observer.unexpected_personal':
    'Мне не нужны ваше местоположение или контакты. Пожалуйста, никогда не отправляйте их сюда.',

  'observer.choose_precinct': 'С какого участка протокол?',
  'observer.send_page':
    'Пришлите фото страницы {page} из {pages} протокола: всю страницу, ровно, чтобы читалось.',
  'observer.pages_done': 'Больше страниц нет',
  'observer.pages_complete': 'Все страницы получены.',
  'observer.enter_line': 'Строка {number}. {label}',
  'observer.enter_choice': 'За: {choice}',
  'observer.current_value': 'Сейчас: {value}',
  'observer.type_figure': 'Введите число точно так, как оно записано в протоколе.',
  'observer.skip_line': 'Нет в моей копии',
  'observer.figure_not_whole_number': '«{text}» — не целое число. Введите только цифры, например 1250.',
  'observer.figure_out_of_range': 'Слишком большое число: оно должно быть от 0 до {max}.',
  'observer.summary_title': 'Проверьте протокол перед отправкой:',
  'observer.summary_pages': 'Страницы: {received} из {required}',
  'observer.summary_checks': 'Проверки:',
  'observer.check_passed': '✅ {name} ({expression}): {figures}; {comparison}',
  'observer.check_failed': '❌ {name} ({expression}): {figures}; {comparison}',
  'observer.check_warning': '⚠️ {name} ({expression}): {figures}; {comparison}',
  'observer.check_not_evaluated': '❔ {name} ({expression}): не проверено, нет {why}',
  'observer.reason_pages_missing': '❌ Не хватает страниц: получено {received} из {required}.',
  'observer.reason_lines_missing': '❌ Не заполнены строки: {lines}.',
  'observer.preview_accepted': 'Всё сходится: протокол будет принят.',
  'observer.preview_rejected':
    'В таком виде протокол будет отклонён (см. ❌). Исправьте строку, если ошиблись при вводе.',
  'observer.preview_needs_review': 'В таком виде протокол проверит координатор (см. ⚠️ и ❔).',
  'observer.submit': '✅ Отправить',
  'observer.correct': '✏️ Исправить строку',
  'observer.correct_what': 'Какую строку исправить?',
  'observer.redo_pages': '📷 Прислать страницы заново',
  'observer.back_to_summary': '↩ К сводке',
  'observer.result_accepted': '✅ Протокол принят.',
  'observer.result_rejected': '❌ Протокол отклонён.',
  'observer.result_needs_review': '⚠️ Протокол получен; его проверит координатор.',
  'observer.reasons': 'Причины:',
  'observer.resubmit_hint': 'Сверьте числа с бумажным протоколом, исправьте их и отправьте снова.',
  'observer.thanks': 'Спасибо!',
  'observer.correct_and_resubmit': '✏️ Исправить и отправить снова',

  'observer.violation_precinct': 'На каком участке произошло нарушение?',
  'observer.violation_category': 'Какое это нарушение?',
  'observer.violation_text': 'Опишите, что произошло: что, кто, когда.',
  'observer.violation_media':
    'Пришлите фото или видео как доказательство (пока {count}), затем нажмите «Отправить сообщение».',
  'observer.violation_send': '📨 Отправить сообщение',
  'observer.violation_received':
    'Сообщение о нарушении получено (фото и видео: {count}). Его проверит модератор.',

  'observer.sos_sent': '🆘 Координаторы оповещены.',
  'observer.sos_what': 'Если можете, сообщите, что происходит. Берегите себя.',
  'observer.sos_kind_pressure': 'Давление, угрозы',
  'observer.sos_kind_detention': 'Задержание',
  'observer.sos_kind_violence': 'Насилие',
  'observer.sos_described': 'Спасибо, координаторы знают:',
  'observer.sos_resume': '↩ Продолжить',
  'observer.coordinators_sos':
    '🆘 SOS от наблюдателя: {precinct} ({election}), отправлено {time}. Проверьте консоль.',
  'observer.coordinators_sos_kind': '🆘 Уточнение SOS, {precinct}: {kind}.',
  'observer.no_precinct': 'участок не указан',
  // WhatsApp list messages (both bots): the list's button and the later pages of a long list.
  'observer.whatsapp_list_button': 'Выбрать',
  'observer.whatsapp_more_options': 'Ещё варианты ({page} из {pages})',

  // Compact one-message texts (SMS, docs/sms-grammar.md): each fits one GSM-7 segment in
  // English and two UCS-2 segments in Kazakh and Russian (test/unit/shared/sms-replies.test.ts).
  'observer.sms_protocol_format':
    'Формат: П 190 L1=1234 L2=1200 … (L6.2= для 2-й партии) или П 190 1234 1200 … по порядку формы.',
  'observer.sms_not_your_precinct': 'Участок № {number} не ваш; ничего не принято.',
  'observer.sms_ambiguous_precinct': 'У вас несколько участков № {number}; воспользуйтесь меню.',
  'observer.sms_figures_not_understood':
    'Не понял: {tokens}. Ничего не принято. Пишите L<строка>=<число> или числа по порядку формы.',
  'observer.sms_too_many_figures':
    'Дано {given, plural, one {# число} few {# числа} many {# чисел} other {# числа}}, а не хватает только {expected}. Ничего не принято.',
  'observer.sms_protocol_partial':
    'Участок № {number}: числа сохранены. Не хватает {count, plural, one {# числа} few {# чисел} many {# чисел} other {# числа}} (строки {lines}). Отправьте П {number} и остальные.',
  'observer.sms_protocol_accepted': 'Протокол участка № {number} принят: все проверки пройдены. Спасибо!',
  'observer.sms_protocol_rejected':
    'Протокол участка № {number} отклонён: {reasons}. Исправить: П {number} L<строка>=<число>.',
  'observer.sms_protocol_review': 'Протокол участка № {number} получен, его проверит координатор: {reasons}.',
  'observer.sms_violation_format':
    'Формат: Н <участок> <что произошло> или Н <участок> #<номер категории> <текст>.',
  'observer.sms_violation_received': 'Нарушение на участке № {number} записано ({category}). Спасибо.',
  'observer.sms_sos_sent':
    'SOS отправлен, координаторы оповещены. Берегите себя; если можете, пришлите подробности.',
};

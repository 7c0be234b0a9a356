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
};

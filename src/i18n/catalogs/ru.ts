import type { MessageKey } from './en';
import { analysisRu } from './analysis/ru';
import { observerRu } from './observer/ru';

/** Russian texts; same keys and `{param}` placeholders as `en`. */
export const ru: Record<MessageKey, string> = {
  'common.error_try_again': 'У нас что-то пошло не так. Попробуйте ещё раз через минуту.',
  'common.unknown_command': 'Я не знаю такой команды. Отправьте /help, чтобы увидеть, что я умею.',

  'voter.choose_language': 'Выберите язык.',
  'voter.language_set': 'Язык: русский. Его можно сменить в любой момент командой /language.',
  'voter.welcome': 'Здравствуйте! Я собираю голоса для независимого подсчёта на выборах «{election}».',
  'voter.demo_notice': 'Это демонстрация: выборы и цифры нужны, чтобы попробовать платформу.',
  'voter.privacy_note':
    'Что я храню: ваш участок, ваш выбор и фото бюллетеня — под кодом, который не связан с вашим именем, телефоном или аккаунтом. Фотографируйте только бюллетень: без лица, паспорта и других людей, и соблюдайте правила вашего участка.',
  'voter.continue': 'Продолжить',
  'voter.choose_region': 'Выберите область.',
  'voter.choose_district': 'Выберите район или город в «{area}».',
  'voter.choose_precinct': 'Выберите участок в «{area}».',
  'voter.type_precinct_number': 'Можно также ввести номер участка.',
  'voter.page': 'Страница {page} из {pages}',
  'voter.page_previous': '◀ Назад',
  'voter.page_next': 'Далее ▶',
  'voter.back': '↩ Вернуться',
  'voter.precinct_number_unknown':
    'В «{area}» нет участка с номером {number}. Проверьте номер на бюллетене или выберите из списка.',
  'voter.precinct_number_unknown_anywhere':
    'Участка с номером {number} нет. Проверьте номер на бюллетене или выберите из списка.',
  'voter.precinct_number_ambiguous': 'Участков с номером {number} несколько. Сначала выберите район.',
  'voter.precinct_number_ambiguous_region':
    'Участков с номером {number} несколько. Сначала выберите область.',
  'voter.photo_forwarded':
    'Это фото переслано из другого чата или канала, поэтому оно не может подтвердить ваш голос. Пришлите снимок своего бюллетеня, сделанный вами.',
  'voter.precinct_label': 'Участок № {number}',
  'voter.choose_choice': 'За кого вы проголосовали?',
  'voter.send_photo':
    'Отправьте фото заполненного бюллетеня. Держите камеру над бюллетенем так, чтобы в кадр попал весь бюллетень и ничего больше.',
  'voter.no_photo_button': 'Не могу отправить фото',
  'voter.photo_received': 'Фото получено.',
  'voter.photo_kept_for_later': 'Спасибо за фото. Я прикреплю его к голосу, когда вы выберете участок.',
  'voter.summary_title': 'Проверьте ваш голос:',
  'voter.summary_precinct': 'Участок: № {number}, {area}',
  'voter.summary_choice': 'Выбор: {choice}',
  'voter.summary_photo_yes': 'Фото бюллетеня: прикреплено',
  'voter.summary_photo_no': 'Фото бюллетеня: нет',
  'voter.confirm': '✅ Подтвердить',
  'voter.correct': '✏️ Исправить',
  'voter.correct_what': 'Что вы хотите исправить?',
  'voter.correct_precinct': 'Участок',
  'voter.correct_choice': 'Выбор',
  'voter.correct_photo': 'Фото',
  'voter.thanks': 'Спасибо! Ваш голос учтён. Результаты в реальном времени: {url}',
  'voter.thanks_delayed':
    'Ваше сообщение дошло с опозданием, но отправлено до закрытия участков, поэтому оно учтено.',
  'voter.current_vote': 'Ваш голос: участок № {number}, {choice}. Его можно исправить до закрытия участков.',
  'voter.change_vote': '✏️ Исправить голос',
  'voter.vote_not_accepted': 'Голоса принимаются только пока участки открыты. Этот голос не учтён.',
  'voter.no_election': 'Сейчас нет идущих выборов. Спасибо за интерес.',
  'voter.help':
    'Я записываю ваш голос для независимого подсчёта: выберите участок и свой выбор, затем отправьте фото бюллетеня.\n/start — начать или посмотреть свой голос\n/language — сменить язык\n/privacy — что я храню\n/delete — удалить ваши данные и голос',
  'voter.privacy':
    'Я храню ваш участок, ваш выбор, фото бюллетеня (без геолокации и данных камеры) и время сообщения — под кодом, вычисленным из вашего аккаунта, по которому аккаунт восстановить нельзя. Имя, телефон и номер аккаунта рядом с голосом не хранятся. В открытых результатах — только итоги. /delete удаляет ваши данные и голос, пока участки открыты.',
  'voter.delete_confirm': 'Удалить ваши данные и голос? Это нельзя отменить.',
  'voter.delete_yes': 'Да, удалить',
  'voter.delete_no': 'Нет, оставить',
  'voter.deleted': 'Ваши данные и голос удалены. Отправьте /start, чтобы начать заново.',
  'voter.delete_cancelled': 'Ничего не удалено.',
  'voter.delete_after_close': 'Участки закрыты, поэтому голос остаётся в подсчёте; данные переписки удалены.',
  'voter.use_buttons': 'Пожалуйста, используйте кнопки выше.',
  'voter.unexpected_text': 'Я не понял. Пожалуйста, используйте кнопки.',
  'voter.too_many_messages':
    'Вы отправили очень много сообщений. Я не буду отвечать какое-то время; пожалуйста, попробуйте через час.',
  'voter.unexpected_sticker': 'Хороший стикер! Но мне нужен ответ кнопками.',
  'voter.unexpected_document': 'Пожалуйста, отправьте бюллетень как фото, а не как файл.',
  'voter.unexpected_video': 'Видео я не принимаю. Отправьте, пожалуйста, фото бюллетеня.',
  'voter.unexpected_location': 'Ваша геолокация мне не нужна. Пожалуйста, не отправляйте её сюда.',
  'voter.unexpected_contact': 'Контакты мне не нужны. Пожалуйста, не отправляйте их сюда.',
  'voter.unexpected_other': 'Я не могу использовать это сообщение. Пожалуйста, используйте кнопки.',
  'voter.unexpected_photo': 'Фото сейчас не нужно.',
  'voter.extra_photo_ignored':
    'Достаточно одного фото; я оставил первое. Чтобы заменить его, выберите «Исправить», затем «Фото».',
  'voter.stale_button': 'Эта кнопка больше не действует.',

  'webchat.title': 'Dauys: сообщите свой голос',
  'webchat.intro': 'Тот же разговор, что и в нашем Telegram-боте, но в браузере.',
  'webchat.start': 'Начать',
  'webchat.message_placeholder': 'Введите сообщение или номер участка',
  'webchat.send': 'Отправить',
  'webchat.attach_photo': 'Прикрепить фото',
  'webchat.photo_too_large': 'Фото слишком большое (предел — {megabytes} МБ).',
  'webchat.photo_uploading': 'Загружаю фото…',
  'webchat.connection_lost': 'Связь потеряна. Повторяю…',
  'webchat.you': 'Вы',
  'webchat.bot': 'Dauys',
  'webchat.language': 'Язык',

  // The observer bot's texts live in ./observer/ (issue 4).
  ...observerRu,
  // The analysis report's texts live in ./analysis/ (issue 7).
  ...analysisRu,
};

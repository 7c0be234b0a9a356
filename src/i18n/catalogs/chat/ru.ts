import type { ChatMessageKey } from './en';

/** Тексты страницы веб-чата по-русски; ключи и подстановки те же, что в `en`. */
export const ru: Record<ChatMessageKey, string> = {
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
  'webchat.saved_offline':
    'Нет связи: сохранено на этом телефоне, будет отправлено, когда связь вернётся ({count, plural, one {# сообщение} few {# сообщения} many {# сообщений} other {# сообщения}}). Можно продолжать отвечать.',
  'webchat.saved_on_phone': 'Сохранено на этом телефоне',
  'webchat.sending_saved': 'Связь вернулась: отправляю сообщения, сохранённые на этом телефоне…',
  'webchat.saved_refused': 'Сервер отклонил сообщение, сохранённое на этом телефоне; оно удалено.',
};

/**
 * The web chat page's own English texts (`webchat.*`): the reference its kk and ru catalogs are
 * checked against. The conversation itself is the voter bot's (../voter/).
 */
export const en = {
  'webchat.title': 'Dauys: report your vote',
  'webchat.intro': 'The same conversation as our Telegram bot, in your browser.',
  'webchat.start': 'Start',
  'webchat.message_placeholder': 'Type a message or a precinct number',
  'webchat.send': 'Send',
  'webchat.attach_photo': 'Attach a photo',
  'webchat.photo_too_large': 'The photo is too large (the limit is {megabytes} MB).',
  'webchat.photo_uploading': 'Uploading the photo…',
  'webchat.connection_lost': 'Connection lost. Retrying…',
  'webchat.you': 'You',
  'webchat.bot': 'Dauys',
  'webchat.language': 'Language',
  'webchat.saved_offline':
    'No connection: saved on this phone, will be sent when the connection returns ({count, plural, one {# message} other {# messages}}). You can go on answering.',
  'webchat.saved_on_phone': 'Saved on this phone',
  'webchat.sending_saved': 'Connection is back: sending the messages saved on this phone…',
  'webchat.saved_refused': 'A message saved on this phone was refused by the server and removed.',
} as const;

export type ChatMessageKey = keyof typeof en;

import type { ChatMessageKey } from './en';

/** Веб-чат бетінің қазақша мәтіндері; кілттер мен толтырғыштар `en`-дегідей. */
export const kk: Record<ChatMessageKey, string> = {
  'webchat.title': 'Dauys: дауысыңызды хабарлаңыз',
  'webchat.intro': 'Telegram-ботымыздағы әңгіменің дәл өзі, тек браузерде.',
  'webchat.start': 'Бастау',
  'webchat.message_placeholder': 'Хабарлама немесе учаске нөмірін жазыңыз',
  'webchat.send': 'Жіберу',
  'webchat.attach_photo': 'Фото қосу',
  'webchat.photo_too_large': 'Фото тым үлкен (шегі — {megabytes} МБ).',
  'webchat.photo_uploading': 'Фото жүктелуде…',
  'webchat.connection_lost': 'Байланыс үзілді. Қайталап жатырмын…',
  'webchat.you': 'Сіз',
  'webchat.bot': 'Dauys',
  'webchat.language': 'Тіл',
  'webchat.saved_offline':
    'Байланыс жоқ: осы телефонда сақталды, байланыс қалпына келгенде жіберіледі ({count, plural, one {# хабарлама} other {# хабарлама}}). Жауап беруді жалғастыра беріңіз.',
  'webchat.saved_on_phone': 'Осы телефонда сақталды',
  'webchat.sending_saved': 'Байланыс қалпына келді: осы телефонда сақталған хабарламалар жіберілуде…',
  'webchat.saved_refused': 'Осы телефонда сақталған хабарламаны сервер қабылдамады, ол өшірілді.',
};

import type { MessageKey } from './en';
import { analysisKk } from './analysis/kk';
import { observerKk } from './observer/kk';

/** Kazakh texts; same keys and `{param}` placeholders as `en`. */
export const kk: Record<MessageKey, string> = {
  'common.error_try_again': 'Бізде бірдеңе дұрыс болмады. Бір минуттан кейін қайталап көріңіз.',
  'common.unknown_command': 'Мұндай команданы білмеймін. Не істей алатынымды көру үшін /help жіберіңіз.',

  'voter.choose_language': 'Тілді таңдаңыз.',
  'voter.language_set': 'Тіл: қазақша. Оны кез келген уақытта /language командасымен өзгертуге болады.',
  'voter.welcome': 'Сәлеметсіз бе! Мен «{election}» сайлауының тәуелсіз есебі үшін дауыстарды жинаймын.',
  'voter.demo_notice': 'Бұл — демонстрация: сайлау мен сандар платформаны байқап көру үшін берілген.',
  'voter.privacy_note':
    'Мен не сақтаймын: учаскеңізді, таңдауыңызды және бюллетеньнің фотосын — атыңызбен, телефоныңызбен немесе аккаунтыңызбен байланыспаған код астында. Тек бюллетеньді суретке түсіріңіз: бетіңіз, төлқұжатыңыз және басқа адамдар түспесін, сайлау учаскесінің ережелерін сақтаңыз.',
  'voter.continue': 'Жалғастыру',
  'voter.choose_region': 'Облысыңызды таңдаңыз.',
  'voter.choose_district': '«{area}» ішінен ауданыңызды немесе қалаңызды таңдаңыз.',
  'voter.choose_precinct': '«{area}» ішінен учаскеңізді таңдаңыз.',
  'voter.type_precinct_number': 'Учаске нөмірін жазып жіберуге де болады.',
  'voter.page': '{pages} беттің {page}-беті',
  'voter.page_previous': '◀ Алдыңғы',
  'voter.page_next': 'Келесі ▶',
  'voter.back': '↩ Артқа',
  'voter.precinct_number_unknown':
    '«{area}» ішінде {number} нөмірлі учаске жоқ. Бюллетеньдегі нөмірді тексеріңіз немесе тізімнен таңдаңыз.',
  'voter.precinct_number_unknown_anywhere':
    '{number} нөмірлі учаске жоқ. Бюллетеньдегі нөмірді тексеріңіз немесе тізімнен таңдаңыз.',
  'voter.precinct_number_ambiguous': '{number} нөмірлі учаске бірнешеу. Алдымен ауданды таңдаңыз.',
  'voter.precinct_number_ambiguous_region': '{number} нөмірлі учаске бірнешеу. Алдымен облысты таңдаңыз.',
  'voter.photo_forwarded':
    'Бұл фото басқа чаттан немесе арнадан жіберілген, сондықтан ол дауысыңызды растай алмайды. Өз бюллетеніңізді өзіңіз түсірген суретті жіберіңіз.',
  'voter.precinct_label': '№ {number} учаске',
  'voter.choose_choice': 'Кімге дауыс бердіңіз?',
  'voter.send_photo':
    'Белгі қойылған бюллетеньнің фотосын жіберіңіз. Камераны бюллетеньнің үстінен ұстаңыз: кадрға бүкіл бюллетень түссін, басқа ештеңе түспесін.',
  'voter.no_photo_button': 'Фото жібере алмаймын',
  'voter.photo_received': 'Фото алынды.',
  'voter.photo_kept_for_later': 'Фото үшін рақмет. Учаскеңізді таңдағаннан кейін оны дауысыңызға қосамын.',
  'voter.summary_title': 'Дауысыңызды тексеріңіз:',
  'voter.summary_precinct': 'Учаске: № {number}, {area}',
  'voter.summary_choice': 'Таңдау: {choice}',
  'voter.summary_photo_yes': 'Бюллетень фотосы: қосылды',
  'voter.summary_photo_no': 'Бюллетень фотосы: жоқ',
  'voter.confirm': '✅ Растау',
  'voter.correct': '✏️ Түзету',
  'voter.correct_what': 'Нені түзеткіңіз келеді?',
  'voter.correct_precinct': 'Учаске',
  'voter.correct_choice': 'Таңдау',
  'voter.correct_photo': 'Фото',
  'voter.thanks': 'Рақмет! Дауысыңыз есепке алынды. Нәтижелер нақты уақытта: {url}',
  'voter.thanks_delayed':
    'Хабарламаңыз кешігіп жетті, бірақ учаскелер жабылмай тұрып жіберілген, сондықтан ол есепке алынады.',
  'voter.current_vote':
    'Сіздің дауысыңыз: № {number} учаске, {choice}. Учаскелер жабылғанға дейін оны түзетуге болады.',
  'voter.change_vote': '✏️ Дауысымды түзету',
  'voter.vote_not_accepted': 'Дауыстар учаскелер ашық кезде ғана қабылданады. Бұл дауыс есепке алынбады.',
  'voter.no_election': 'Қазір өтіп жатқан сайлау жоқ. Қызығушылығыңызға рақмет.',
  'voter.help':
    'Мен дауысыңызды тәуелсіз есеп үшін жазып аламын: учаскеңізді және таңдауыңызды белгілеп, бюллетеньнің фотосын жіберіңіз.\n/start — бастау немесе дауысыңызды көру\n/language — тілді өзгерту\n/privacy — мен не сақтаймын\n/delete — деректеріңіз бен дауысыңызды жою',
  'voter.privacy':
    'Мен учаскеңізді, таңдауыңызды, бюллетень фотосын (геолокация мен камера деректерінсіз) және хабарлама уақытын аккаунтыңыздан есептелген, бірақ аккаунтты қайта анықтауға болмайтын код астында сақтаймын. Атыңыз, телефоныңыз бен аккаунт нөміріңіз дауыспен бірге сақталмайды. Ашық нәтижелерде тек жалпы сандар көрсетіледі. /delete учаскелер ашық кезде деректеріңіз бен дауысыңызды жояды.',
  'voter.delete_confirm': 'Деректеріңіз бен дауысыңыз жойылсын ба? Мұны қайтару мүмкін емес.',
  'voter.delete_yes': 'Иә, жою',
  'voter.delete_no': 'Жоқ, қалдыру',
  'voter.deleted': 'Деректеріңіз бен дауысыңыз жойылды. Қайта бастау үшін /start жіберіңіз.',
  'voter.delete_cancelled': 'Ештеңе жойылған жоқ.',
  'voter.delete_after_close':
    'Учаскелер жабылды, сондықтан дауыс есепте қалады; хат алмасу деректері жойылды.',
  'voter.use_buttons': 'Жоғарыдағы батырмаларды пайдаланыңыз.',
  'voter.unexpected_text': 'Түсінбедім. Батырмаларды пайдаланыңыз.',
  'voter.too_many_messages':
    'Сіз өте көп хабарлама жібердіңіз. Біраз уақыт жауап бермеймін; бір сағаттан кейін қайталап көріңіз.',
  'voter.unexpected_sticker': 'Жақсы стикер! Бірақ маған батырмамен жауап керек.',
  'voter.unexpected_document': 'Бюллетеньді файл емес, фото ретінде жіберіңіз.',
  'voter.unexpected_video': 'Бейнені қабылдамаймын. Оның орнына бюллетеньнің фотосын жіберіңіз.',
  'voter.unexpected_location': 'Геолокацияңыз маған керек емес. Оны мұнда жібермеңіз.',
  'voter.unexpected_contact': 'Контактілер маған керек емес. Оларды мұнда жібермеңіз.',
  'voter.unexpected_other': 'Бұл хабарламаны пайдалана алмаймын. Батырмаларды пайдаланыңыз.',
  'voter.unexpected_photo': 'Қазір фото керек емес.',
  'voter.extra_photo_ignored':
    'Бір фото жеткілікті; біріншісін қалдырдым. Оны ауыстыру үшін «Түзету», содан кейін «Фото» батырмасын басыңыз.',
  'voter.stale_button': 'Бұл батырма енді жұмыс істемейді.',

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

  // The observer bot's texts live in ./observer/ (issue 4).
  ...observerKk,
  // The analysis report's texts live in ./analysis/ (issue 7).
  ...analysisKk,
};

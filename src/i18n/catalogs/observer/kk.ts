import type { ObserverMessageKey } from './en';

/** Бақылаушылар ботының қазақша мәтіндері (`observer.*`); кілттер мен толтырғыштар `en`-дегідей. */
export const observerKk: Record<ObserverMessageKey, string> = {
  'observer.not_invited':
    'Бұл бот үйлестіруші шақырған бақылаушыларға арналған. Шақыруыңыз болса, алған сілтемені ашыңыз немесе /start пен кодыңызды жіберіңіз.',
  'observer.invite_invalid':
    'Бұл шақыру коды жарамсыз немесе кері қайтарылған. Үйлестірушіден жаңа шақыру сұраңыз.',
  'observer.invite_invalid_kept':
    'Бұл шақыру коды жарамсыз немесе кері қайтарылған. Учаскелеріңіз өзгеріссіз қалады.',
  'observer.welcome': 'Қош келдіңіз! Сіз «{election}» сайлауындағы тәуелсіз бақылаушысыз.',
  'observer.privacy_note':
    'Байланыс деректеріңіз шифрланып сақталады; жария нәтижелерде тек бақылаушысы бар учаскелер саны көрсетіледі, кім екені емес.',
  'observer.menu': 'Не істегіңіз келеді?',
  'observer.menu_protocol': '📝 Хаттама жіберу',
  'observer.menu_violation': '⚠️ Бұзушылық туралы хабарлау',
  'observer.menu_precincts': '📍 Менің учаскелерім',
  'observer.menu_language': '🌐 Тіл',
  'observer.sos_button': '🆘 SOS',
  'observer.back_to_menu': '≡ Мәзір',
  'observer.help':
    'Мен бақылаушылардан қорытынды хаттамаларын және бұзушылықтар туралы хабарларды қабылдаймын.\n/menu: мәзір\n/sos: үйлестірушілерге бірден дабыл беру\n/precincts: менің учаскелерім\n/language: тілді өзгерту',
  'observer.unknown_command': 'Мұндай команданы білмеймін. Не істей алатынымды көру үшін /help жіберіңіз.',
  'observer.choose_language': 'Тілді таңдаңыз.',
  'observer.language_set': 'Тіл: қазақша.',
  'observer.my_precincts': 'Сіздің учаскелеріңіз ({count}):',
  'observer.precinct_label': '№ {number} учаске, {name}',
  'observer.page_previous': '◀ Артқа',
  'observer.page_next': 'Келесі ▶',
  'observer.use_buttons': 'Батырмаларды пайдаланыңыз.',
  'observer.stale_button': 'Бұл батырма енді жұмыс істемейді.',
  'observer.unexpected_media': 'Қазір фото немесе бейне қажет емес.',
  'observer.unexpected_personal':
    'Маған орналасқан жеріңіз немесе контактілер қажет емес. Оларды мұнда ешқашан жібермеңіз.',

  'observer.choose_precinct': 'Хаттама қай учаскеден?',
  'observer.send_page':
    'Хаттаманың {pages} бетінің {page}-бетін суретке түсіріп жіберіңіз: бүкіл бетті, тегіс, оқылатындай.',
  'observer.pages_done': 'Басқа бет жоқ',
  'observer.pages_complete': 'Барлық беттер алынды.',
  'observer.enter_line': '{number}-жол. {label}',
  'observer.enter_choice': 'Кім үшін: {choice}',
  'observer.current_value': 'Қазір: {value}',
  'observer.type_figure': 'Санды хаттамада жазылғандай дәл енгізіңіз.',
  'observer.skip_line': 'Менің көшірмемде жоқ',
  'observer.figure_not_whole_number': '«{text}» — бүтін сан емес. Тек цифрларды енгізіңіз, мысалы 1250.',
  'observer.figure_out_of_range': 'Сан тым үлкен: ол 0-ден {max}-ге дейін болуы керек.',
  'observer.summary_title': 'Жібермес бұрын хаттаманы тексеріңіз:',
  'observer.summary_pages': 'Беттер: {required} беттің {received}',
  'observer.summary_checks': 'Тексерулер:',
  'observer.check_passed': '✅ {name} ({expression}): {figures}; {comparison}',
  'observer.check_failed': '❌ {name} ({expression}): {figures}; {comparison}',
  'observer.check_warning': '⚠️ {name} ({expression}): {figures}; {comparison}',
  'observer.check_not_evaluated': '❔ {name} ({expression}): тексерілмеді, {why} жоқ',
  'observer.reason_pages_missing': '❌ Беттер жетіспейді: {required} беттің {received} алынды.',
  'observer.reason_lines_missing': '❌ Толтырылмаған жолдар: {lines}.',
  'observer.preview_accepted': 'Бәрі сәйкес келеді: хаттама қабылданады.',
  'observer.preview_rejected':
    'Осы күйінде хаттама қабылданбайды (❌ қараңыз). Қате енгізсеңіз, жолды түзетіңіз.',
  'observer.preview_needs_review': 'Осы күйінде хаттаманы үйлестіруші тексереді (⚠️ және ❔ қараңыз).',
  'observer.submit': '✅ Жіберу',
  'observer.correct': '✏️ Жолды түзету',
  'observer.correct_what': 'Қай жолды түзетесіз?',
  'observer.redo_pages': '📷 Беттерді қайта жіберу',
  'observer.back_to_summary': '↩ Жиынтыққа оралу',
  'observer.result_accepted': '✅ Хаттама қабылданды.',
  'observer.result_rejected': '❌ Хаттама қабылданбады.',
  'observer.result_needs_review': '⚠️ Хаттама алынды; оны үйлестіруші тексереді.',
  'observer.reasons': 'Себептері:',
  'observer.resubmit_hint': 'Сандарды қағаз хаттамамен салыстырып, түзетіп, қайта жіберіңіз.',
  'observer.thanks': 'Рахмет!',
  'observer.correct_and_resubmit': '✏️ Түзетіп, қайта жіберу',

  'observer.violation_precinct': 'Бұзушылық қай учаскеде болды?',
  'observer.violation_category': 'Бұл қандай бұзушылық?',
  'observer.violation_text': 'Не болғанын сипаттаңыз: не, кім, қашан.',
  'observer.violation_media':
    'Дәлел ретінде фото немесе бейне жіберіңіз (әзірге {count}), содан кейін «Хабарды жіберу» батырмасын басыңыз.',
  'observer.violation_send': '📨 Хабарды жіберу',
  'observer.violation_received':
    'Бұзушылық туралы хабар алынды (фото мен бейне: {count}). Оны модератор тексереді.',

  'observer.sos_sent': '🆘 Үйлестірушілерге хабар берілді.',
  'observer.sos_what': 'Мүмкін болса, не болып жатқанын айтыңыз. Өзіңізді сақтаңыз.',
  'observer.sos_kind_pressure': 'Қысым, қорқыту',
  'observer.sos_kind_detention': 'Ұстау',
  'observer.sos_kind_violence': 'Зорлық-зомбылық',
  'observer.sos_described': 'Рахмет, үйлестірушілер біледі:',
  'observer.sos_resume': '↩ Жалғастыру',
  'observer.coordinators_sos':
    '🆘 Бақылаушыдан SOS: {precinct} ({election}), жіберілген уақыты {time}. Консольді тексеріңіз.',
  'observer.coordinators_sos_kind': '🆘 SOS нақтылауы, {precinct}: {kind}.',
  'observer.no_precinct': 'учаске көрсетілмеген',
  // WhatsApp list messages (both bots): the list's button and the later pages of a long list.
  'observer.whatsapp_list_button': 'Таңдау',
  'observer.whatsapp_more_options': 'Басқа нұсқалар ({pages} ішінен {page})',

  // Compact one-message texts (SMS, docs/sms-grammar.md): each fits one GSM-7 segment in
  // English and two UCS-2 segments in Kazakh and Russian (test/unit/shared/sms-replies.test.ts).
  'observer.sms_protocol_format':
    'Формат: П 190 L1=1234 L2=1200 … (2-партияға L6.2=) немесе П 190 1234 1200 … хаттама реті бойынша.',
  'observer.sms_not_your_precinct': '№ {number} учаске сіздікі емес; ештеңе қабылданбады.',
  'observer.sms_ambiguous_precinct': 'Сізде № {number} бірнеше учаске бар; мәзірді пайдаланыңыз.',
  'observer.sms_figures_not_understood':
    'Түсінбедім: {tokens}. Ештеңе қабылданбады. L<жол>=<сан> не сандарды хаттама ретімен жазыңыз.',
  'observer.sms_too_many_figures':
    '{given, plural, one {# сан} other {# сан}} берілді, ал тек {expected} жетіспейді. Ештеңе қабылданбады.',
  'observer.sms_protocol_partial':
    '№ {number} учаске: сандар сақталды. Тағы {count, plural, one {# сан} other {# сан}} жетіспейді (жолдар {lines}). Қалғанын П {number} деп жіберіңіз.',
  'observer.sms_protocol_accepted':
    '№ {number} учаске хаттамасы қабылданды: барлық тексерістен өтті. Рақмет!',
  'observer.sms_protocol_rejected':
    '№ {number} учаске хаттамасы қабылданбады: {reasons}. Түзету: П {number} L<жол>=<сан>.',
  'observer.sms_protocol_review': '№ {number} учаске хаттамасы алынды, оны үйлестіруші тексереді: {reasons}.',
  'observer.sms_violation_format': 'Формат: Б <учаске> <не болды> немесе Б <учаске> #<санат нөмірі> <мәтін>.',
  'observer.sms_violation_received': '№ {number} учаскедегі бұзушылық жазылды ({category}). Рақмет.',
  'observer.sms_sos_sent':
    'SOS жіберілді, үйлестірушілер хабардар. Сақ болыңыз; мүмкін болса, толығырақ жазыңыз.',
};

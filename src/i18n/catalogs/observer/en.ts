/**
 * The observer bot's English texts (`observer.*`), joined with the voter bot's in the bots'
 * catalog (src/i18n/index.ts). `kk` and `ru` must have the same keys and placeholders
 * (`npm run i18n:check`).
 */
export const observerEn = {
  'observer.not_invited':
    'This bot is for observers invited by a coordinator. If you have an invite, open the link you received or send /start followed by your code.',
  'observer.invite_invalid':
    'This invite code is not valid or has been revoked. Please ask your coordinator for a new invite.',
  'observer.invite_invalid_kept':
    'This invite code is not valid or has been revoked. Your precincts stay as they were.',
  'observer.welcome': 'Welcome! You are an independent observer in the election “{election}”.',
  'observer.privacy_note':
    'Your contact details are stored encrypted; public results only count how many precincts have an observer, never who.',
  'observer.menu': 'What would you like to do?',
  'observer.menu_protocol': '📝 Submit a protocol',
  'observer.menu_violation': '⚠️ Report a violation',
  'observer.menu_precincts': '📍 My precincts',
  'observer.menu_language': '🌐 Language',
  'observer.sos_button': '🆘 SOS',
  'observer.back_to_menu': '≡ Menu',
  'observer.help':
    'I collect results protocols and violation reports from observers.\n/menu: the menu\n/sos: alert the coordinators at once\n/precincts: my precincts\n/language: change the language',
  'observer.unknown_command': 'I do not know that command. Send /help to see what I can do.',
  'observer.choose_language': 'Choose your language.',
  'observer.language_set': 'Language: English.',
  'observer.my_precincts': 'Your precincts ({count}):',
  'observer.precinct_label': 'Precinct No. {number}, {name}',
  'observer.page_previous': '◀ Previous',
  'observer.page_next': 'Next ▶',
  'observer.use_buttons': 'Please use the buttons.',
  'observer.stale_button': 'This button is no longer active.',
  'observer.unexpected_media': 'I do not need a photo or video right now.',
  'observer.unexpected_personal': 'I do not need your location or contacts. Please never send them here.',

  'observer.choose_precinct': 'Which precinct is the protocol from?',
  'observer.send_page':
    'Send a photo of page {page} of {pages} of the protocol. The whole page, flat, readable.',
  'observer.pages_done': 'No more pages',
  'observer.pages_complete': 'All pages received.',
  'observer.enter_line': 'Line {number}. {label}',
  'observer.enter_choice': 'For: {choice}',
  'observer.current_value': 'Currently: {value}',
  'observer.type_figure': 'Type the figure exactly as written on the form.',
  'observer.skip_line': 'Not on my copy',
  'observer.figure_not_whole_number': '“{text}” is not a whole number. Type digits only, e.g. 1250.',
  'observer.figure_out_of_range': 'That figure is too large: it must be between 0 and {max}.',
  'observer.summary_title': 'Please check the protocol before submitting:',
  'observer.summary_pages': 'Pages: {received} of {required}',
  'observer.summary_checks': 'Checks:',
  'observer.check_passed': '✅ {name} ({expression}): {figures}; {comparison}',
  'observer.check_failed': '❌ {name} ({expression}): {figures}; {comparison}',
  'observer.check_warning': '⚠️ {name} ({expression}): {figures}; {comparison}',
  'observer.check_not_evaluated': '❔ {name} ({expression}): not checked, missing {why}',
  'observer.reason_pages_missing': '❌ Pages missing: {received} of {required} received.',
  'observer.reason_lines_missing': '❌ Lines missing: {lines}.',
  'observer.preview_accepted': 'Everything adds up: the protocol will be accepted.',
  'observer.preview_rejected':
    'As it stands, the protocol will be rejected (see ❌). Correct a line if you mistyped.',
  'observer.preview_needs_review': 'As it stands, a coordinator will review the protocol (see ⚠️ and ❔).',
  'observer.submit': '✅ Submit',
  'observer.correct': '✏️ Correct a line',
  'observer.correct_what': 'Which line would you like to correct?',
  'observer.redo_pages': '📷 Send the pages again',
  'observer.back_to_summary': '↩ Back to the summary',
  'observer.result_accepted': '✅ Protocol accepted.',
  'observer.result_rejected': '❌ Protocol rejected.',
  'observer.result_needs_review': '⚠️ Protocol received; a coordinator will review it.',
  'observer.reasons': 'Reasons:',
  'observer.resubmit_hint': 'Check the figures against the paper form, correct them and submit again.',
  'observer.thanks': 'Thank you!',
  'observer.correct_and_resubmit': '✏️ Correct and resubmit',

  'observer.violation_precinct': 'At which precinct did the violation happen?',
  'observer.violation_category': 'What kind of violation?',
  'observer.violation_text': 'Describe what happened: what, who, when.',
  'observer.violation_media': 'Send photos or videos as evidence ({count} so far), then press “Send report”.',
  'observer.violation_send': '📨 Send report',
  'observer.violation_received':
    'Violation report received ({count, plural, one {# photo or video} other {# photos or videos}}). A moderator will check it.',

  'observer.sos_sent': '🆘 The coordinators have been alerted.',
  'observer.sos_what': 'If you can, tell us what is happening. Stay safe.',
  'observer.sos_kind_pressure': 'Pressure, threats',
  'observer.sos_kind_detention': 'Detention',
  'observer.sos_kind_violence': 'Violence',
  'observer.sos_described': 'Thank you, the coordinators know:',
  'observer.sos_resume': '↩ Continue',
  'observer.coordinators_sos':
    '🆘 SOS from an observer at {precinct} ({election}), sent {time}. Check the console.',
  'observer.coordinators_sos_kind': '🆘 SOS update at {precinct}: {kind}.',
  'observer.no_precinct': 'precinct not given',
  // WhatsApp list messages (both bots): the list's button and the later pages of a long list.
  'observer.whatsapp_list_button': 'Choose',
  'observer.whatsapp_more_options': 'More options ({page} of {pages})',

  // Compact one-message texts (SMS, docs/sms-grammar.md): each fits one GSM-7 segment in
  // English and two UCS-2 segments in Kazakh and Russian (test/unit/shared/sms-replies.test.ts).
  'observer.sms_protocol_format':
    'Format: P 190 L1=1234 L2=1200 ... (L6.2= for the 2nd party), or P 190 1234 1200 ... in form order.',
  'observer.sms_not_your_precinct': 'Precinct {number} is not one of yours; nothing was taken.',
  'observer.sms_ambiguous_precinct': 'You have several precincts numbered {number}; please use the menu.',
  'observer.sms_figures_not_understood':
    'Not understood: {tokens}. Nothing was taken. Use L<line>=<figure> or figures in form order.',
  'observer.sms_too_many_figures':
    '{given, plural, one {# figure} other {# figures}} given, but only {expected} missing. Nothing was taken.',
  'observer.sms_protocol_partial':
    'Precinct {number}: figures saved. Still missing {count, plural, one {# figure} other {# figures}} (lines {lines}). Send P {number} with the rest.',
  'observer.sms_protocol_accepted': 'Protocol of precinct {number} accepted: every check passed. Thank you!',
  'observer.sms_protocol_rejected':
    'Protocol of precinct {number} rejected: {reasons}. Correct with P {number} L<line>=<figure>.',
  'observer.sms_protocol_review':
    'Protocol of precinct {number} received; a coordinator will review it: {reasons}.',
  'observer.sms_violation_format':
    'Format: N <precinct> <what happened>, or N <precinct> #<category number> <text>.',
  'observer.sms_violation_received': 'Violation at precinct {number} recorded ({category}). Thank you.',
  'observer.sms_sos_sent': 'SOS sent: coordinators are alerted. Stay safe; send more details if you can.',
} as const;

export type ObserverMessageKey = keyof typeof observerEn;

/**
 * The voter bot's English texts. This catalog is the reference: `kk` and `ru` must have exactly
 * its keys (the type system and `npm run i18n:check` both enforce it) and the same `{param}`
 * placeholders. Keys are namespaced by who speaks: `voter.*` the voter bot, `common.*` every bot
 * (the observer bot's are in ../observer/, the web chat page's in ../chat/).
 */
export const en = {
  'common.error_try_again': 'Something went wrong on our side. Please try again in a minute.',
  'common.unknown_command': 'I do not know that command. Send /help to see what I can do.',

  'voter.choose_language': 'Choose your language.',
  'voter.language_set': 'Language: English. You can change it at any time with /language.',
  'voter.welcome': 'Hello! I collect votes for the independent count of the election “{election}”.',
  'voter.demo_notice': 'This is a demo: the election and its numbers are for trying the platform.',
  'voter.privacy_note':
    'What I keep: your precinct, your choice and the photo of your ballot, under a code that is not linked to your name, phone or account. Photograph only the ballot: no face, no passport, no other people, and follow the rules of your polling station.',
  'voter.continue': 'Continue',
  'voter.choose_region': 'Choose your region.',
  'voter.choose_district': 'Choose your district or city in “{area}”.',
  'voter.choose_precinct': 'Choose your precinct in “{area}”.',
  'voter.type_precinct_number': 'You can also type the precinct number.',
  'voter.page': 'Page {page} of {pages}',
  'voter.page_previous': '◀ Previous',
  'voter.page_next': 'Next ▶',
  'voter.back': '↩ Back',
  'voter.precinct_number_unknown':
    'There is no precinct number {number} in “{area}”. Check the number on your ballot or choose from the list.',
  'voter.precinct_number_unknown_anywhere':
    'There is no precinct number {number}. Check the number on your ballot or choose from the list.',
  'voter.precinct_number_ambiguous':
    'Several precincts have number {number}. Please choose your district first.',
  'voter.precinct_number_ambiguous_region':
    'Several precincts have number {number}. Please choose your region first.',
  'voter.photo_forwarded':
    'This photo was forwarded from another chat or channel, so it cannot confirm your vote. Please send a photo you took of your own ballot.',
  'voter.precinct_label': 'Precinct No. {number}',
  'voter.choose_choice': 'Whom did you vote for?',
  'voter.send_photo':
    'Send a photo of your marked ballot. Hold the camera over the ballot so the whole ballot is in the frame and nothing else.',
  'voter.no_photo_button': 'I can’t send a photo',
  'voter.photo_received': 'Photo received.',
  'voter.photo_kept_for_later':
    'Thank you for the photo. I will attach it to your vote once you have chosen your precinct.',
  'voter.summary_title': 'Please check your vote:',
  'voter.summary_precinct': 'Precinct: No. {number}, {area}',
  'voter.summary_choice': 'Choice: {choice}',
  'voter.summary_photo_yes': 'Photo of the ballot: attached',
  'voter.summary_photo_no': 'Photo of the ballot: none',
  'voter.confirm': '✅ Confirm',
  'voter.correct': '✏️ Correct',
  'voter.correct_what': 'What would you like to correct?',
  'voter.correct_precinct': 'Precinct',
  'voter.correct_choice': 'Choice',
  'voter.correct_photo': 'Photo',
  'voter.thanks': 'Thank you! Your vote is recorded. Live results: {url}',
  'voter.thanks_delayed':
    'Your message reached us late, but it was sent before the polls closed, so it counts.',
  'voter.current_vote':
    'Your vote: precinct No. {number}, {choice}. You can correct it until the polls close.',
  'voter.change_vote': '✏️ Correct my vote',
  'voter.vote_not_accepted': 'Votes are accepted only while the polls are open. This vote was not recorded.',
  'voter.no_election': 'There is no election in progress right now. Thank you for your interest.',
  'voter.official_channels': 'The official bots of this count: {handles}. Any other is not ours.',
  'voter.impostor_how':
    'To report a bot pretending to be this one, send /fake and its name, e.g. /fake @dauys_kz_bott.',
  'voter.impostor_thanks': 'Thank you: we have noted it and will warn others.',
  'voter.help':
    'I record your vote for the independent count: choose your precinct and your choice, then send a photo of the ballot.\n/start: begin or see your vote\n/language: change the language\n/privacy: what I keep\n/delete: delete your data and your vote\n/fake @name: report a bot pretending to be this one',
  'voter.privacy':
    'I keep your precinct, your choice, the photo of your ballot (with location and camera data removed) and the time of your message, under a code computed from your account that cannot be turned back into it. I do not keep your name, phone number or account id next to your vote. Public results only show totals. /delete removes your data and your vote while the polls are open. By SMS, messages are not end-to-end encrypted: the mobile operator and the SMS gateway see your phone number and what you send.',
  'voter.delete_confirm': 'Delete your data and your vote? This cannot be undone.',
  'voter.delete_yes': 'Yes, delete',
  'voter.delete_no': 'No, keep',
  'voter.deleted': 'Your data and your vote have been deleted. Send /start to begin again.',
  'voter.delete_cancelled': 'Nothing was deleted.',
  'voter.delete_after_close':
    'The polls have closed, so the vote stays in the count; your conversation data has been deleted.',
  'voter.use_buttons': 'Please use the buttons above.',
  'voter.unexpected_text': 'I did not understand that. Please use the buttons.',
  'voter.too_many_messages':
    'You have sent a great many messages. I will not answer for a while; please try again in an hour.',
  'voter.unexpected_sticker': 'Nice sticker! But I need an answer from the buttons.',
  'voter.unexpected_document': 'Please send the ballot as a photo, not as a file.',
  'voter.unexpected_video': 'I cannot use videos. Please send a photo of the ballot instead.',
  'voter.unexpected_location': 'I do not need your location. Please never send it here.',
  'voter.unexpected_contact': 'I do not need contacts. Please never send them here.',
  'voter.unexpected_other': 'I cannot use this message. Please use the buttons.',
  'voter.unexpected_photo': 'I do not need a photo right now.',
  'voter.extra_photo_ignored':
    'One photo is enough; I kept the first one. To replace it, choose “Correct” and then “Photo”.',
  'voter.stale_button': 'This button is no longer active.',

  // Compact one-message texts (SMS, docs/sms-grammar.md): each fits one GSM-7 segment in
  // English and two UCS-2 segments in Kazakh and Russian (test/unit/shared/sms-replies.test.ts).
  'voter.sms_no_precinct':
    'I did not find the precinct number. Send: V <precinct> <ballot number>, e.g. V 190 2. Nothing was counted.',
  'voter.sms_no_choice':
    'I did not find your choice. Send: V <precinct> <ballot number or party>, e.g. V 190 2. Nothing was counted.',
  'voter.sms_unknown_precinct':
    'There is no precinct number {number}. Check it on your ballot and send: V <precinct> <choice>, e.g. V 190 2. Nothing was counted.',
  'voter.sms_ambiguous_precinct':
    'Precinct {number} exists in {count, plural, one {# region} other {# regions}}. Add your region number: V <region>/{number} <choice>, e.g. V 15/{number} 2. Nothing was counted.',
  'voter.sms_unknown_choice':
    'I did not understand the choice "{choice}". Send its ballot number 1-{count} or the party: V 190 2. Nothing was counted.',
  'voter.sms_vote_recorded':
    'Vote recorded: precinct {number}, {choice}. To change it before the polls close, send V {number} <choice> again.',
  'voter.sms_vote_changed':
    'Vote changed: precinct {number}, {choice}. The earlier one no longer counts. To change it again, send V {number} <choice>.',
} as const;

export type VoterMessageKey = keyof typeof en;

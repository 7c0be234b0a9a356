import type { Locale } from '../../domain/locale';
import type { MessageText, OutboundButton } from '../../flows/messages';

export type RenderTexts = (locale: Locale, texts: readonly MessageText[]) => string;

/**
 * The longest text one send carries: Twilio refuses a Body over 1,600 characters (ten UCS-2
 * segments, or eleven GSM-7), and the Android gateway hands longer ones to the phone's own
 * splitting, which operators cap at a few segments; the same cut for both keeps costs comparable.
 */
export const SMS_MAX_CHARS = 1600;

/**
 * One outbound message as the SMS texts to send, in order. SMS shows no buttons, so their labels
 * become a numbered list under the text ("1 — Қазақша"): the options (a region, a party) are
 * information the participant needs to answer at all, and dropping them would leave a question
 * with no choices. An answer comes back as plain text, read by the flow (the transport keeps no
 * state; the flow knows the panel it showed): a number on the list presses that option (at the
 * choice step it is also the choice's number on the ballot, the list being in ballot order); a
 * number beyond it is a precinct number at the area step; names and the one-message grammar
 * (docs/sms-grammar.md) work as well. A text longer
 * than {@link SMS_MAX_CHARS} is cut at line ends into several SMS.
 *
 * @example
 * renderForSms('en', { text: [{ literal: 'Language?' }], buttons: [[{ label: { literal: 'English' }, data: 'l:en' }]] }, translateAll);
 * // ['Language?\n1 — English']
 */
export function renderForSms(
  locale: Locale,
  message: { text: MessageText[]; buttons?: OutboundButton[][] | undefined },
  render: RenderTexts,
): string[] {
  const labels = (message.buttons ?? [])
    .flat()
    .map((button, i) => `${i + 1} — ${render(locale, [button.label])}`);
  const text = [render(locale, message.text), ...labels].filter((line) => line !== '').join('\n');
  return splitLines(text || ' ', SMS_MAX_CHARS);
}

/** Cuts at line ends into parts of at most `max` code units; a longer line is cut where it must. */
function splitLines(text: string, max: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) parts.push(current);
    current = line;
    while (current.length > max) {
      // Never between the two halves of a surrogate pair (an emoji).
      const cut = isHighSurrogate(current.charCodeAt(max - 1)) ? max - 1 : max;
      parts.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current) parts.push(current);
  return parts;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

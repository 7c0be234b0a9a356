/**
 * How many SMS segments a text costs (3GPP TS 23.038 / 23.040): GSM-7 when every character
 * is in the GSM 03.38 default alphabet or its extension table (an extension character takes
 * two septets), else UCS-2 (UTF-16 code units; a character outside the BMP takes two). One
 * segment holds 160 septets or 70 units; a concatenated message's segments hold 153 or 67,
 * the rest is the header that joins them.
 *
 * Placed here, not in src/channels/sms/, so that flows' tests can price their replies without
 * depending on a channel; the SMS channel may import it.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
}

/**
 * @example
 * smsSegments('Vote recorded'); // { encoding: 'GSM-7', segments: 1, units: 13 }
 * smsSegments('Голос учтён');   // { encoding: 'UCS-2', segments: 1, units: 11 }
 */
export function smsSegments(text: string): SmsSegments {
  let septets = 0;
  let gsm = true;
  for (const char of text) {
    if (BASIC.has(char)) septets += 1;
    else if (EXTENSION.has(char)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return { encoding: 'GSM-7', units: septets, segments: count(septets, 160, 153) };
  const units = text.length;
  return { encoding: 'UCS-2', units, segments: count(units, 70, 67) };
}

function count(units: number, single: number, part: number): number {
  if (units === 0) return 0;
  return units <= single ? 1 : Math.ceil(units / part);
}

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
  // Each character's size: septets in GSM-7, code units in UCS-2 (two for a surrogate pair).
  const sizes = [...text].map((char) => (gsm ? (EXTENSION.has(char) ? 2 : 1) : char.length));
  const units = gsm ? septets : text.length;
  return {
    encoding: gsm ? 'GSM-7' : 'UCS-2',
    units,
    segments: count(sizes, units, gsm ? 160 : 70, gsm ? 153 : 67),
  };
}

/**
 * Segments as handsets and gateways pack them: an extension character's escape pair and a
 * surrogate pair (an emoji) never straddle two segments, so a part may hold a unit less.
 */
function count(sizes: readonly number[], units: number, single: number, part: number): number {
  if (units === 0) return 0;
  if (units <= single) return 1;
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return segments;
}

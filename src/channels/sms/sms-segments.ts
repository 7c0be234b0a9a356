/**
 * How many SMS an operator bills for a text, and why. An SMS carries 140 bytes: 160 characters of
 * the GSM 7-bit alphabet (3GPP TS 23.038), or 70 UTF-16 code units (UCS-2) as soon as a single
 * character is outside it — every Cyrillic letter, so Kazakh and Russian texts cost 70 a segment.
 * A longer text is sent as concatenated segments, each losing room to its 6-byte header: 153
 * GSM-7 characters or 67 UCS-2 units. The extension table's characters (`€`, `[`, `{`, `~`, `|` …)
 * take two septets (an escape and the character), and neither they nor a surrogate pair (an
 * emoji) are split across two segments, as handsets and gateways pack them.
 */

/** The GSM 7-bit default alphabet: one septet each (0x1B, the escape, is not a character). */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** The default alphabet's extension table: an escape plus the character, two septets each. */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** How many SMS the text is sent (and billed) as; an empty text is still one. */
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
}

const LIMITS: Record<SmsEncoding, { single: number; perSegment: number }> = {
  'GSM-7': { single: 160, perSegment: 153 },
  'UCS-2': { single: 70, perSegment: 67 },
};

/**
 * The encoding, segment count and size of one SMS text.
 *
 * @example
 * smsSegments('V 190 2');            // { encoding: 'GSM-7', segments: 1, units: 7 }
 * smsSegments('Сайлау учаскесі 190'); // { encoding: 'UCS-2', segments: 1, units: 19 }
 * smsSegments('x'.repeat(161));      // { encoding: 'GSM-7', segments: 2, units: 161 }
 */
export function smsSegments(text: string): SmsSegments {
  const characters = [...text];
  const gsm = characters.every((c) => GSM_BASIC.has(c) || GSM_EXTENSION.has(c));
  const encoding: SmsEncoding = gsm ? 'GSM-7' : 'UCS-2';
  // A character's size: septets in GSM-7, code units in UCS-2 (two for a surrogate pair).
  const sizes = characters.map((c) => (gsm ? (GSM_EXTENSION.has(c) ? 2 : 1) : c.length));
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const { single, perSegment } = LIMITS[encoding];
  if (units <= single) return { encoding, segments: 1, units };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > perSegment) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, segments, units };
}

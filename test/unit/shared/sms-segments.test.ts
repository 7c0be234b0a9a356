import { describe, expect, it } from 'vitest';
import { smsSegments } from '../../../src/shared/sms-segments';

describe('smsSegments', () => {
  it('counts GSM-7 septets: 160 in one segment, 153 a segment beyond', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', segments: 0, units: 0 });
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, units: 161 });
    expect(smsSegments('a'.repeat(306))).toEqual({ encoding: 'GSM-7', segments: 2, units: 306 });
    expect(smsSegments('a'.repeat(307))).toEqual({ encoding: 'GSM-7', segments: 3, units: 307 });
  });

  it('counts an extension-table character as two septets', () => {
    expect(smsSegments('€[]{}~^|\\')).toEqual({ encoding: 'GSM-7', segments: 1, units: 18 });
    expect(smsSegments(`${'a'.repeat(159)}€`)).toMatchObject({ segments: 2, units: 161 });
  });

  it('keeps the basic table’s non-ASCII letters in GSM-7', () => {
    expect(smsSegments('Üñöé? ΔΩ £ ¥ § à Ç')).toMatchObject({ encoding: 'GSM-7' });
    expect(smsSegments('ï')).toMatchObject({ encoding: 'UCS-2' });
  });

  it('falls back to UCS-2 for any other character: 70 units, 67 a segment beyond', () => {
    expect(smsSegments('Голос учтён')).toEqual({ encoding: 'UCS-2', segments: 1, units: 11 });
    expect(smsSegments('ә'.repeat(70))).toMatchObject({ segments: 1 });
    expect(smsSegments('ә'.repeat(71))).toMatchObject({ segments: 2 });
    expect(smsSegments('ә'.repeat(134))).toMatchObject({ segments: 2 });
    expect(smsSegments('ә'.repeat(135))).toMatchObject({ segments: 3 });
    // One typographic quote is enough to lose GSM-7.
    expect(smsSegments('Vote “recorded”')).toMatchObject({ encoding: 'UCS-2' });
    // A character outside the BMP takes two UTF-16 units.
    expect(smsSegments('🆘')).toEqual({ encoding: 'UCS-2', segments: 1, units: 2 });
  });

  it('never splits an extension character’s escape pair or an emoji’s surrogate pair across segments', () => {
    // 80 euro signs: 160 septets, one segment.
    expect(smsSegments('€'.repeat(80))).toMatchObject({ segments: 1, units: 160 });
    // 152 septets then a euro sign: it does not fit the first 153, so it opens the second
    // segment; 152 + 2 + 152 = 306 septets take three segments, not two.
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toMatchObject({ segments: 3, units: 306 });
    expect(smsSegments('👍')).toMatchObject({ encoding: 'UCS-2', units: 2, segments: 1 });
    // 66 units then an emoji: the pair moves to the second segment.
    expect(smsSegments(`${'ә'.repeat(66)}👍${'ә'.repeat(66)}`)).toMatchObject({ segments: 3, units: 134 });
  });

  it('keeps a whole Latin text UCS-2 for one Cyrillic letter, and counts the accented GSM letters as one septet', () => {
    expect(smsSegments(`${'a'.repeat(100)}ы`)).toEqual({ encoding: 'UCS-2', segments: 2, units: 101 });
    expect(smsSegments('@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà')).toMatchObject({
      encoding: 'GSM-7',
      units: 42,
    });
  });
});

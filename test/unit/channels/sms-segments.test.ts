import { describe, expect, it } from 'vitest';
import { smsSegments } from '../../../src/channels/sms/sms-segments';

describe('SMS segments', () => {
  it('counts a Latin compact command as one GSM-7 segment', () => {
    expect(smsSegments('V 190 2')).toEqual({ encoding: 'GSM-7', segments: 1, units: 7 });
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', segments: 1, units: 0 });
  });

  it('fills 160 septets in one segment and 153 in each of several', () => {
    expect(smsSegments('a'.repeat(160))).toMatchObject({ segments: 1, units: 160 });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ segments: 2, units: 161 });
    expect(smsSegments('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts the GSM-7 basic alphabet’s accented letters and symbols as one septet each', () => {
    expect(smsSegments('@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà')).toMatchObject({
      encoding: 'GSM-7',
      units: 42,
    });
  });

  it('counts an extension character (€ [ ] { } ~ | ^ \\) as two septets and never splits its pair', () => {
    expect(smsSegments('€')).toEqual({ encoding: 'GSM-7', segments: 1, units: 2 });
    expect(smsSegments('[x]{y}~|^\\')).toMatchObject({ encoding: 'GSM-7', units: 18 });
    // 80 euro signs: 160 septets, one segment.
    expect(smsSegments('€'.repeat(80))).toMatchObject({ segments: 1, units: 160 });
    // 152 septets then a euro sign: it does not fit the first 153, so it opens the second segment;
    // 152 + 2 + 152 = 306 septets take three segments, not two.
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toMatchObject({ segments: 3, units: 306 });
  });

  it('switches to UCS-2 for Cyrillic (Kazakh and Russian): 70 units, then 67 a segment', () => {
    expect(smsSegments('Сайлау учаскесі 190')).toEqual({ encoding: 'UCS-2', segments: 1, units: 19 });
    expect(smsSegments('ә'.repeat(70))).toMatchObject({ segments: 1 });
    expect(smsSegments('ә'.repeat(71))).toMatchObject({ segments: 2 });
    expect(smsSegments('ә'.repeat(134))).toMatchObject({ segments: 2 });
    expect(smsSegments('ә'.repeat(135))).toMatchObject({ segments: 3 });
    // One Cyrillic letter makes a whole Latin text UCS-2.
    expect(smsSegments(`${'a'.repeat(100)}ы`)).toMatchObject({ encoding: 'UCS-2', segments: 2, units: 101 });
  });

  it('counts an emoji as two UCS-2 units and keeps the pair in one segment', () => {
    expect(smsSegments('✅')).toMatchObject({ encoding: 'UCS-2', units: 1 });
    expect(smsSegments('👍')).toMatchObject({ encoding: 'UCS-2', units: 2 });
    // 66 units then an emoji: the pair moves to the second segment.
    expect(smsSegments(`${'ә'.repeat(66)}👍${'ә'.repeat(66)}`)).toMatchObject({ segments: 3, units: 134 });
  });
});

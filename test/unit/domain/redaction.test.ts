import { describe, expect, it } from 'vitest';
import { DauysError } from '../../../src/errors';
import { detectPersonalDetails, redact, spansOfPhrase } from '../../../src/domain/redaction';

const autoRedact = (text: string) => redact(text, detectPersonalDetails(text));

describe('detectPersonalDetails', () => {
  it.each([
    ['Звоните +7 701 123 45 67 срочно', 'Звоните [phone] срочно'],
    ['тел. 8(701)123-45-67', 'тел. [phone]'],
    ['номер 87011234567.', 'номер [phone].'],
    ['пишите aigerim.n@mail.kz или a_b@gov.kz', 'пишите [email] или [email]'],
    ['в телеграм @observer_almaty и t.me/secret_chat', 'в телеграм [telegram] и [telegram]'],
    ['ИИН 900101300123 предъявил', 'ИИН [IIN] предъявил'],
  ])('masks %j', (text, expected) => {
    expect(autoRedact(text)).toBe(expected);
  });

  it('reads an email as one email, not a Telegram handle inside it', () => {
    const spans = detectPersonalDetails('write to observer@mail.kz');
    expect(spans).toEqual([{ start: 9, end: 25, kind: 'email' }]);
  });

  it('reads 12 digits in a row as an IIN, not as a phone number', () => {
    expect(detectPersonalDetails('900101300123').map((s) => s.kind)).toEqual(['iin']);
  });

  it('leaves times, counts and precinct numbers alone', () => {
    const text = 'В 14:00 на участке 101 вбросили 250 бюллетеней, явка 1000 из 2 000';
    expect(detectPersonalDetails(text)).toEqual([]);
    expect(autoRedact(text)).toBe(text);
  });
});

describe('names marked by the moderator', () => {
  it('masks every occurrence of a marked name, case-sensitively', () => {
    const text = 'Председатель Ерлан Сапаров выгнал нас. Сапаров угрожал. сапаров — не имя';
    const spans = spansOfPhrase(text, 'Сапаров');
    expect(spans).toHaveLength(2);
    expect(redact(text, [...spansOfPhrase(text, 'Ерлан'), ...spans])).toBe(
      'Председатель [name] [name] выгнал нас. [name] угрожал. сапаров — не имя',
    );
  });

  it('merges overlapping spans into one mask', () => {
    const text = 'Ерлан Сапаров 87011234567';
    const spans = [
      { start: 0, end: 13, kind: 'name' as const },
      { start: 6, end: 13, kind: 'name' as const },
      ...detectPersonalDetails(text),
    ];
    expect(redact(text, spans)).toBe('[name] [phone]');
  });
});

describe('redact refuses bad spans, naming which', () => {
  it.each([
    [{ start: 0, end: 99, kind: 'name' }, 'outside the text'],
    [{ start: 3, end: 3, kind: 'name' }, 'empty range'],
    [{ start: 0.5, end: 2, kind: 'name' }, 'whole numbers'],
    [{ start: 0, end: 2, kind: 'address' }, 'unknown kind'],
  ])('%j', (span, message) => {
    const call = () => redact('short', [{ start: 0, end: 1, kind: 'name' }, span as never]);
    expect(call).toThrow(DauysError);
    try {
      call();
    } catch (error) {
      expect((error as DauysError).issues).toEqual([
        { where: 'redactions[1]', message: expect.stringContaining(message) },
      ]);
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalogs } from '../../../src/i18n/check-catalogs';
import type { MessageText } from '../../../src/flows/messages';
import { SECTIONS } from '../../../src/i18n/catalogs/sections';
import { CATALOGS, isMessageKey, translate, translateAll, type MessageKey } from '../../../src/i18n/index';

describe('the catalogs', () => {
  it('have every key in every language with the same placeholders', () => {
    expect(checkCatalogs(CATALOGS, 'en')).toEqual([]);
  });

  it('are one tree: every section folder is registered, and each section is complete', () => {
    const folders = fs
      .readdirSync('src/i18n/catalogs', { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(Object.keys(SECTIONS).sort()).toEqual(folders.sort());
    for (const [section, catalogs] of Object.entries(SECTIONS)) {
      expect(checkCatalogs(catalogs, 'en'), section).toEqual([]);
    }
  });

  it('contain every key the voter flow and the web chat use', () => {
    const keysUsedIn = (dirs: string[]): string[] => {
      const used = new Set<string>();
      for (const dir of dirs) {
        if (!fs.existsSync(dir)) continue;
        for (const file of fs.readdirSync(dir, { recursive: true }).map(String)) {
          if (!/\.(ts|svelte)$/.test(file)) continue;
          const source = fs.readFileSync(path.join(dir, file), 'utf8');
          for (const match of source.matchAll(/'((?:voter|webchat|common)\.[a-z_]+)'/g)) used.add(match[1]!);
        }
      }
      return [...used];
    };
    // The bots' keys render on the server; the web chat page's own come from its section.
    const server = keysUsedIn(['src/flows/voter', 'src/services']);
    const chat = keysUsedIn(['web/chat']);
    expect(server.length + chat.length).toBeGreaterThan(40);
    expect(server.filter((key) => !isMessageKey(key))).toEqual([]);
    expect(chat.filter((key) => !Object.hasOwn(SECTIONS.chat.en, key))).toEqual([]);
  });

  it('write Kazakh in Kazakh Cyrillic and Russian in Cyrillic', () => {
    const kazakhLetters = /[әғқңөұүһі]/i;
    const withKazakhLetters = Object.values(CATALOGS.kk).filter((text) => kazakhLetters.test(text));
    expect(withKazakhLetters.length).toBeGreaterThan(Object.keys(CATALOGS.kk).length / 2);
    expect(Object.values(CATALOGS.ru).some((text) => kazakhLetters.test(text))).toBe(false);
  });
});

describe('checkCatalogs', () => {
  it('lists missing and extra keys and mismatched placeholders, per locale', () => {
    const problems = checkCatalogs(
      {
        en: { a: 'Hello {name}', b: 'Bye' },
        kk: { a: 'Сәлем {aty}', c: 'артық' },
      },
      'en',
    );
    expect(problems).toEqual([
      { locale: 'kk', key: 'a', problem: 'placeholders {aty} instead of {name}' },
      { locale: 'kk', key: 'b', problem: 'missing' },
      { locale: 'kk', key: 'c', problem: 'extra (not in en)' },
    ]);
  });
});

describe('translate', () => {
  it('fills parameters in each language', () => {
    const text: MessageText = { key: 'voter.precinct_label', params: { number: 12 } };
    expect(translate('en', text)).toBe('Precinct No. 12');
    expect(translate('ru', text)).toBe('Участок № 12');
    expect(translate('kk', text)).toBe('№ 12 учаске');
  });

  it('passes literals through and shows an unknown key rather than throwing', () => {
    expect(translate('kk', { literal: 'Нұр Отан' })).toBe('Нұр Отан');
    // A key past the type system (stored data, a cast) still renders, as itself.
    expect(translate('ru', { key: 'voter.no_such_key' as MessageKey })).toBe('voter.no_such_key');
    expect(translate('en', { key: 'voter.thanks' })).toContain('{url}');
  });

  it('joins several texts as paragraphs', () => {
    expect(translateAll('en', [{ key: 'voter.photo_received' }, { literal: 'x' }])).toBe(
      'Photo received.\n\nx',
    );
  });
});

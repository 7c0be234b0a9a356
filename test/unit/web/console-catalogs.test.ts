import { describe, expect, it } from 'vitest';
import { checkCatalogs } from '../../../src/i18n/check-catalogs';
import { SECTIONS } from '../../../src/i18n/catalogs/sections';
import { sectionRenderer } from '../../../src/i18n/section';

const render = sectionRenderer(SECTIONS.console);

describe('console catalogs', () => {
  it('has every English key, with the same placeholders, in kk and ru', () => {
    expect(checkCatalogs(SECTIONS.console, 'en')).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(render('en', 'audit.broken', { id: 7, reason: 'hash mismatch', count: 6 })).toBe(
      'Chain broken at entry #7: hash mismatch. 6 earlier entries verify.',
    );
    expect(render('ru', 'nav.signedInAs', { email: 'a@example.org' })).toBe(
      'Вы вошли как a@example.org ({role})',
    );
  });
});

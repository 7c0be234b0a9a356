import { describe, expect, it } from 'vitest';
import { renderForWhatsApp, WHATSAPP_LIMITS } from '../../../src/channels/whatsapp/whatsapp-render';
import type { MessageText } from '../../../src/flows/messages';

const render = (_locale: string, texts: readonly MessageText[]) =>
  texts.map((t) => ('literal' in t ? t.literal : t.key)).join('\n');

function rowsFor(labels: string[]) {
  const buttons = labels.map((label, i) => [{ label: { literal: label }, data: `a:${i}` }]);
  const payloads = renderForWhatsApp('ru', { text: [{ literal: 'Выберите район' }], buttons }, render);
  return payloads.flatMap((p) =>
    p.type === 'interactive' && p.interactive.type === 'list'
      ? p.interactive.action.sections.flatMap((section) => section.rows)
      : [],
  );
}

describe('WhatsApp list rows', () => {
  it('gives districts named after their region distinct titles, the full name in the description', () => {
    const names = Array.from({ length: 6 }, (_, i) => `Мангистауская область — демо-район ${i + 1}`);
    const rows = rowsFor([...names, '↩ Назад']);
    expect(rows.map((row) => row.title)).toEqual([...names.map((_, i) => `демо-район ${i + 1}`), '↩ Назад']);
    expect(rows[0]?.description).toBe('Мангистауская область — демо-район 1');
    expect(rows.at(-1)).not.toHaveProperty('description');
  });

  it('keeps the distinguishing end of long names alike in their first 24 characters', () => {
    const rows = rowsFor(['Избирательный участок при школе № 11', 'Избирательный участок при школе № 12']);
    const titles = rows.map((row) => row.title);
    expect(new Set(titles).size).toBe(2);
    for (const title of titles) expect([...title].length).toBeLessThanOrEqual(WHATSAPP_LIMITS.rowTitle);
    expect(titles[0]).toMatch(/11$/);
    expect(rows[1]?.description).toBe('Избирательный участок при школе № 12');
  });
});

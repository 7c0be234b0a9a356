/**
 * The analysis writes its readings with choice ids (it knows no display names): "tihanovkaja",
 * «tihanovkaja», or "kanopatskaja: second-digit mean" in a list. The dashboard's analysis page
 * and the printable report show the choices' names instead, in the reader's language. Only
 * quoted ids and ids before a colon are replaced, so a choice id that is also a word (e.g.
 * "against") is left alone in running text.
 *
 * @example
 * readingWithNames('At 425 stations … for "tihanovkaja" …', { tihanovkaja: 'Sviatlana Tsikhanouskaya' });
 * // 'At 425 stations … for "Sviatlana Tsikhanouskaya" …'
 */
export function readingWithNames(reading: string, names: Readonly<Record<string, string>>): string {
  let text = reading;
  for (const [id, name] of Object.entries(names)) {
    if (!name || name === id) continue;
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    text = text
      .replace(
        new RegExp(`(["«])${escaped}(["»])`, 'g'),
        (_, open: string, close: string) => `${open}${name}${close}`,
      )
      .replace(new RegExp(`(^|[(,]\\s*)${escaped}:`, 'g'), (_, before: string) => `${before}${name}:`);
  }
  return text;
}

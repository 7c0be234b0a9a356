import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observerEffectSvg } from '../../src/analysis/charts/observer-effect-svg';
import { observerEffect } from '../../src/analysis/observer-effect';
import { CHOICES, cleanElection, stuff } from '../unit/analysis/synthetic-election';
import { chromiumMissing, launchChromium } from '../support/chromium';

/** The demo ballot's full Russian names: the longest labels the chart is given. */
const LONG_NAMES: Record<(typeof CHOICES)[number], string> = {
  leader: 'Демократическая партия Казахстана «Ак жол»',
  second: 'Народно-демократическая патриотическая партия «Ауыл»',
  third: 'Народная партия Казахстана',
};

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The observer-effect chart as Chromium lays it out: its x-axis labels (one per measure) must not
 * overlap one another, nor leave the picture, however long the choices' names are.
 */
describe.skipIf(chromiumMissing('observer-effect chart e2e'))('the observer-effect chart in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function labelBoxes(names: Record<string, string>): Promise<{ boxes: Box[]; svg: Box }> {
    const stations = cleanElection({ seed: 7, stations: 600 });
    for (const s of stations) if (s.observers === 0) stuff(s, 0.05 * s.registered);
    const result = observerEffect(stations, [...CHOICES], { seed: 1, bootstrapDraws: 50 })!;
    const svg = observerEffectSvg(result, {
      title: 'Наблюдатели',
      description: 'Явка и доли',
      xAxis: 'Показатель',
      yAxis: 'Доля',
      observed: 'С наблюдателем',
      unobserved: 'Без наблюдателя',
      turnout: 'Явка',
      choiceNames: names,
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent(`<!doctype html><html lang="ru"><body style="margin:0">${svg}</body></html>`);
    const measured = await page.evaluate(() => {
      const box = (element: Element) => {
        const r = element.getBoundingClientRect();
        return {
          text: element.textContent ?? '',
          left: r.left,
          right: r.right,
          top: r.top,
          bottom: r.bottom,
        };
      };
      return {
        boxes: [...document.querySelectorAll('text.measure-label')].map(box),
        svg: box(document.querySelector('svg')!),
      };
    });
    await page.close();
    return measured;
  }

  /** Level labels that share more than a pixel both ways, as "a / b". */
  function overlapping(boxes: Box[]): string[] {
    const found: string[] = [];
    for (let i = 0; i + 1 < boxes.length; i++) {
      const [a, b] = [boxes[i]!, boxes[i + 1]!];
      const wide = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const high = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (wide > 1 && high > 1) found.push(`${a.text} / ${b.text}`);
    }
    return found;
  }

  it('keeps long party names apart and inside the picture', async () => {
    const { boxes, svg } = await labelBoxes(LONG_NAMES);
    expect(boxes).toHaveLength(1 + CHOICES.length);
    for (const box of boxes) {
      expect(box.left, box.text).toBeGreaterThanOrEqual(svg.left);
      expect(box.right, box.text).toBeLessThanOrEqual(svg.right);
      expect(box.bottom, box.text).toBeLessThanOrEqual(svg.bottom);
    }
    const level = boxes.every((box) => box.bottom - box.top < 20);
    if (level) expect(overlapping(boxes)).toEqual([]);
    else {
      // Slanted labels' bounding rectangles overlap although their text does not: parallel lines at
      // 35° whose ends (each at its own bar) are ≥ 60 px apart are ≥ 34 px apart, three lines of text.
      const ends = boxes.map((box) => box.right);
      for (let i = 1; i < ends.length; i++) expect(ends[i]! - ends[i - 1]!).toBeGreaterThanOrEqual(60);
    }
  });

  it('keeps short names level and apart', async () => {
    const { boxes } = await labelBoxes({ leader: 'Ак жол', second: 'Ауыл', third: 'НПК' });
    for (const box of boxes) expect(box.bottom - box.top, box.text).toBeLessThan(20);
    expect(overlapping(boxes)).toEqual([]);
  });
});

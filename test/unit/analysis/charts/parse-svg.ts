/**
 * A minimal SVG reader for chart tests: checks that every tag is closed in order (well-formed for
 * the subset the charts emit) and returns the elements with their attributes and text.
 */
export interface SvgElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
}

const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;

export function parseSvg(svg: string): SvgElement[] {
  const elements: SvgElement[] = [];
  const open: SvgElement[] = [];
  let consumed = 0;
  for (const match of svg.matchAll(TAG)) {
    if (match.index !== consumed)
      throw new Error(`unparsable SVG at ${consumed}: ${svg.slice(consumed, consumed + 40)}`);
    consumed = match.index + match[0].length;
    const [, closing, name, attributeText, selfClosing, text] = match;
    if (text !== undefined) {
      if (open.length) open.at(-1)!.text += decode(text);
      else if (text.trim()) throw new Error(`text outside the root: ${text}`);
      continue;
    }
    if (closing) {
      const last = open.pop();
      if (last?.name !== name) throw new Error(`</${name}> closes <${last?.name}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attributeText!.matchAll(ATTRIBUTE)) attributes[key!] = decode(value!);
    const element = { name: name!, attributes, text: '' };
    elements.push(element);
    if (!selfClosing) open.push(element);
  }
  if (consumed !== svg.length) throw new Error('trailing text after the SVG');
  if (open.length) throw new Error(`unclosed <${open.at(-1)!.name}>`);
  return elements;
}

function decode(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/** Elements of a class, in document order. */
export function byClass(elements: SvgElement[], className: string): SvgElement[] {
  return elements.filter((e) => (e.attributes.class ?? '').split(' ').includes(className));
}

/** A bar's drawn height. */
export function height(element: SvgElement): number {
  return Number(element.attributes.height);
}

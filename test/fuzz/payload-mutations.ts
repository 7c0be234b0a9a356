import { chance, createRng, pick, type SeededRandom } from '../../src/simulation/seeded';

export { createRng, type SeededRandom };

/** One fuzz request: the bytes on the wire and the content type they claim. */
export interface FuzzPayload {
  /** Which mutation made it, for the per-outcome report. */
  kind: string;
  body: Buffer;
  contentType: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const HUGE_STRING_BYTES = 200_000;
/** Above the server's 1 MB body limit. */
export const OVERSIZED_BYTES = 1_100_000;

/** Values of every JSON type, including the edge cases validators get wrong. */
function wrongValue(rng: SeededRandom): Json {
  return pick<() => Json>(rng, [
    () => null,
    () => true,
    () => -1,
    () => 0,
    () => 1.5,
    () => 2 ** 63,
    () => -(2 ** 53) - 7,
    () => '',
    () => '0',
    () => '\u0000\uFFFD\uD800',
    () => 'x'.repeat(rng.nextInt(5000)),
    () => [],
    () => [1, 'a', null],
    () => ({}),
    () => ({ __proto__: { polluted: true } }) as unknown as Json,
    () => ({ constructor: { prototype: { polluted: true } } }),
  ])();
}

function deepNesting(depth: number): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { nested: value };
  return value;
}

/** Every (object or array) node of a JSON tree with the path to it. */
function containers(value: Json, out: Array<{ [key: string]: Json } | Json[]> = []) {
  if (value !== null && typeof value === 'object') {
    out.push(value);
    for (const child of Array.isArray(value) ? value : Object.values(value)) containers(child, out);
  }
  return out;
}

/**
 * A structure-aware mutation of a valid payload: one to three edits at random places — delete a
 * field, give it a value of the wrong type, a huge string, deep nesting, a duplicate key's worth
 * of extra fields — so most cases reach the validator and the adapter, not just the JSON parser.
 */
export function mutateJson(rng: SeededRandom, valid: unknown): { kind: string; value: Json } {
  const value = structuredClone(valid) as Json;
  const edits: string[] = [];
  for (let edit = 0, count = 1 + rng.nextInt(3); edit < count; edit += 1) {
    const nodes = containers(value);
    const node = pick(rng, nodes);
    const keys: Array<string | number> = Array.isArray(node)
      ? node.map((_, index) => index)
      : Object.keys(node);
    const key = keys.length > 0 ? pick(rng, keys) : undefined;
    const set = (next: Json) => {
      if (key === undefined) return;
      (node as Record<string | number, Json>)[key] = next;
    };
    const operations = ['delete', 'wrong-type', 'huge-string', 'extra-field'];
    // One deep nesting per payload: nested twice, it would overflow the generator's own stack.
    if (!edits.includes('deep-nesting')) operations.push('deep-nesting');
    const operation = pick(rng, operations);
    edits.push(operation);
    if (operation === 'delete' && key !== undefined) {
      if (Array.isArray(node)) node.splice(Number(key), 1);
      else delete node[key as string];
    } else if (operation === 'wrong-type') set(wrongValue(rng));
    else if (operation === 'huge-string') set('Ж'.repeat(HUGE_STRING_BYTES / 2));
    else if (operation === 'deep-nesting') set(deepNesting(100 + rng.nextInt(2000)));
    else if (!Array.isArray(node)) node[`extra_${rng.nextInt(1000)}`] = wrongValue(rng);
  }
  return { kind: `json:${[...new Set(edits)].sort().join('+')}`, value };
}

function randomBytes(rng: SeededRandom, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) bytes[i] = rng.nextInt(256);
  return bytes;
}

/**
 * One fuzz payload derived from a valid one: mostly structure-aware JSON mutations, and the
 * wire-level ones — truncated JSON, invalid UTF-8, random bytes, a wrong content type, an empty
 * body, an oversized body — plus the unchanged payload now and then (a valid control case).
 */
export function fuzzPayload(rng: SeededRandom, valid: unknown): FuzzPayload {
  const json = 'application/json';
  const text = JSON.stringify(valid);
  const roll = rng.next();
  if (roll < 0.55) {
    const { kind, value } = mutateJson(rng, valid);
    return { kind, body: Buffer.from(JSON.stringify(value)), contentType: json };
  }
  if (roll < 0.65) {
    return {
      kind: 'truncated',
      body: Buffer.from(text.slice(0, rng.nextInt(text.length))),
      contentType: json,
    };
  }
  if (roll < 0.72) {
    const bytes = Buffer.from(text);
    for (let i = 0, count = 1 + rng.nextInt(8); i < count; i += 1) {
      bytes[rng.nextInt(bytes.length)] = pick(rng, [0xff, 0xfe, 0xc0, 0x80, 0xed]);
    }
    return { kind: 'invalid-utf8', body: bytes, contentType: json };
  }
  if (roll < 0.8)
    return { kind: 'random-bytes', body: randomBytes(rng, rng.nextInt(4096)), contentType: json };
  if (roll < 0.87) {
    const contentType = pick(rng, [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/octet-stream',
      'application/json; charset=utf-16',
      '',
    ]);
    return { kind: 'wrong-content-type', body: Buffer.from(text), contentType };
  }
  if (roll < 0.9) return { kind: 'empty', body: Buffer.alloc(0), contentType: json };
  if (roll < 0.92) {
    return {
      kind: 'oversized',
      body: Buffer.from(`{"pad":"${'a'.repeat(OVERSIZED_BYTES)}"}`),
      contentType: json,
    };
  }
  if (roll < 0.95 && chance(rng, 0.5)) {
    return {
      kind: 'top-level-wrong-type',
      body: Buffer.from(JSON.stringify(wrongValue(rng))),
      contentType: json,
    };
  }
  return { kind: 'valid', body: Buffer.from(text), contentType: json };
}

/** How many cases per webhook: `FUZZ_CASES`, else the CI size. */
export function fuzzCaseCount(ciDefault = 2000): number {
  const fromEnv = Number(process.env.FUZZ_CASES);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : ciDefault;
}

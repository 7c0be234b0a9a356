import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../src/shared/lru-cache';

describe('LruCache', () => {
  it('computes a value once and then serves it from memory', () => {
    const cache = new LruCache<string, number>(10);
    let computed = 0;
    const compute = () => ++computed;
    expect(cache.getOrCompute('a', compute)).toBe(1);
    expect(cache.getOrCompute('a', compute)).toBe(1);
    expect(computed).toBe(1);
  });

  it('evicts the least recently used entry beyond its bound', () => {
    const cache = new LruCache<string, string>(2);
    cache.getOrCompute('a', () => 'a1');
    cache.getOrCompute('b', () => 'b1');
    cache.getOrCompute('a', () => 'unused'); // touches a: b is now the oldest
    cache.getOrCompute('c', () => 'c1');
    expect(cache.size).toBe(2);
    expect(cache.getOrCompute('a', () => 'a2')).toBe('a1');
    expect(cache.getOrCompute('b', () => 'b2')).toBe('b2');
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow(/maxEntries must be a positive integer/);
  });
});

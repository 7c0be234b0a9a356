import { describe, expect, it } from 'vitest';
import { LiveFiguresCache } from '../../../src/http/public/live-figures-cache';

describe('LiveFiguresCache', () => {
  it('shares one computation between identical requests within the time to live, then recomputes', async () => {
    let clock = 0;
    let computed = 0;
    const cache = new LiveFiguresCache(1000, 10, () => clock);
    const compute = async () => ++computed;
    expect(await cache.get('a', compute)).toBe(1);
    clock = 999;
    expect(await cache.get('a', compute)).toBe(1);
    expect(await cache.get('b', compute)).toBe(2);
    clock = 1000;
    expect(await cache.get('a', compute)).toBe(3);
  });

  it('with no time to live, still shares a computation between requests that arrive while it runs', async () => {
    let computed = 0;
    let release!: () => void;
    const cache = new LiveFiguresCache(0);
    const slow = () =>
      new Promise<number>((resolve) => {
        computed += 1;
        release = () => resolve(computed);
      });
    const first = cache.get('a', slow);
    const second = cache.get('a', slow);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 1]);
    expect(await cache.get('a', async () => 99)).toBe(99);
  });

  it('never keeps a failure', async () => {
    const cache = new LiveFiguresCache(1000);
    await expect(cache.get('a', async () => Promise.reject(new Error('no area')))).rejects.toThrow('no area');
    expect(await cache.get('a', async () => 'found')).toBe('found');
  });

  it('forgets the oldest answers beyond its size', async () => {
    let computed = 0;
    const cache = new LiveFiguresCache(1000, 2, () => 0);
    const compute = async () => ++computed;
    await cache.get('a', compute);
    await cache.get('b', compute);
    await cache.get('c', compute);
    expect(await cache.get('b', compute)).toBe(2);
    expect(await cache.get('a', compute)).toBe(4);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, query } from '../../../web/shared/api-client';

describe('ApiClient', () => {
  it('revalidates with the last ETag and reuses the body on 304', async () => {
    const seen: Array<string | null> = [];
    const answers = [
      new Response(JSON.stringify({ n: 1 }), { status: 200, headers: { etag: '"v1"' } }),
      new Response(null, { status: 304 }),
    ];
    const client = new ApiClient('/api/v1', async (_url, init) => {
      seen.push(new Headers(init?.headers).get('if-none-match'));
      return answers.shift()!;
    });
    expect(await client.get('/x')).toEqual({ data: { n: 1 }, changed: true });
    expect(await client.get('/x')).toEqual({ data: { n: 1 }, changed: false });
    expect(seen).toEqual([null, '"v1"']);
  });

  it('turns a 404 into null for optional endpoints and throws on other errors', async () => {
    const client = new ApiClient(
      '/api/v1',
      async (url) => new Response('{}', { status: String(url).endsWith('/missing') ? 404 : 500 }),
    );
    expect((await client.getOptional('/missing')).data).toBeNull();
    await expect(client.get('/broken')).rejects.toBeInstanceOf(ApiError);
  });

  it('builds query strings from the defined values only', () => {
    expect(query({ area: 'kz-akm', level: undefined, category: null })).toBe('?area=kz-akm');
    expect(query({})).toBe('');
  });
});

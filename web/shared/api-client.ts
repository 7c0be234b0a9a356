/** An API answer that is not 2xx/304; `status` 404 means "not there" (an election, area or endpoint). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
  ) {
    super(`GET ${path}: HTTP ${status}`);
  }
}

export interface Fetched<T> {
  data: T;
  /** False when the server answered 304: the body is the one we already had. */
  changed: boolean;
}

/**
 * GETs JSON from the public API, revalidating with the ETag of the last answer for the same
 * path: a poll that finds nothing new costs a bodiless 304. `cache: 'no-store'` keeps the
 * browser's own cache out of it, so a 304 reaches us as a 304 and not as a silent 200.
 */
export class ApiClient {
  private readonly last = new Map<string, { etag: string; data: unknown }>();

  /** `base`: the API's prefix, or a function from an API path to its URL (a snapshot's files). */
  constructor(
    private readonly base: string | ((path: string) => string) = '/api/v1',
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  async get<T>(path: string): Promise<Fetched<T>> {
    const previous = this.last.get(path);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (previous) headers['if-none-match'] = previous.etag;
    const url = typeof this.base === 'string' ? this.base + path : this.base(path);
    const response = await this.fetchImpl(url, { headers, cache: 'no-store' });
    if (response.status === 304 && previous) return { data: previous.data as T, changed: false };
    if (!response.ok) throw new ApiError(response.status, path);
    const data = (await response.json()) as T;
    const etag = response.headers.get('etag');
    if (etag) this.last.set(path, { etag, data });
    return { data, changed: true };
  }

  /** Like `get`, but `null` when the server says 404 (an endpoint another release may not have). */
  async getOptional<T>(path: string): Promise<Fetched<T | null>> {
    try {
      return await this.get<T>(path);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return { data: null, changed: true };
      throw error;
    }
  }
}

/** A query string from the defined entries only, e.g. `query({ area: 'kz-akm', level: undefined })` → `?area=kz-akm`. */
export { queryString as query } from '../../src/domain/snapshot/snapshot-layout';

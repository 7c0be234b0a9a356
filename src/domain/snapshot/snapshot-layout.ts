/**
 * Where a snapshot (`dauys snapshot <dir>`) keeps each public API answer: one static file per
 * request, at a path relative to the page, so a mirror is a plain directory any static file
 * server can serve under any prefix. The snapshot writer and the dashboard's data layer both
 * use this one mapping, so the page asks for exactly the files that were written (this file is
 * also the pages', so it imports nothing of Node's).
 *
 * `/elections/x/summary` → `api/v1/elections/x/summary.json`;
 * `/elections/x/summary?area=kz-akm` → `api/v1/elections/x/summary/area=kz-akm.json`;
 * `/elections/x/analysis/report.html?lang=ru` → `api/v1/elections/x/analysis/report/lang=ru.html`;
 * `/elections/x/export.csv` → `api/v1/elections/x/export.csv`. Parameters are sorted by name;
 * empty ones are dropped, as the dashboard's `query()` drops them.
 *
 * @example
 * snapshotFile('/elections/kz/results?level=district&area=kz-akm');
 * // 'api/v1/elections/kz/results/area=kz-akm&level=district.json'
 */
export function snapshotFile(apiPath: string): string {
  const [pathname = '', search = ''] = apiPath.replace(/^\/api\/v1(?=\/)/, '').split('?', 2);
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    throw new Error(`not a public API path: ${apiPath}`);
  }
  const last = segments.pop() ?? '';
  const dot = last.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [last.slice(0, dot), last.slice(dot)] : [last, '.json'];
  const params = [...new URLSearchParams(search)]
    .filter(([, value]) => value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`);
  if (params.some((param) => param.includes('/'))) throw new Error(`not a public API path: ${apiPath}`);
  const file = params.length > 0 ? `${stem}/${params.join('&')}${extension}` : `${stem}${extension}`;
  return ['api', 'v1', ...segments, file].join('/');
}

/** The `<meta name=…>` a snapshot's index.html carries, its content the time the snapshot was taken. */
export const SNAPSHOT_META_NAME = 'dauys-snapshot';

/**
 * A public API query string from the defined, non-empty entries only, as the pages build it.
 *
 * @example
 * queryString({ area: 'kz-akm', level: undefined }); // '?area=kz-akm'
 */
export function queryString(params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

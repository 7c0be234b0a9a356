import { SNAPSHOT_META_NAME, snapshotFile } from '../../src/domain/snapshot/snapshot-layout';

/**
 * Snapshot mode: a page copied by `dauys snapshot` carries `<meta name="dauys-snapshot"
 * content="<time taken>">`. It then reads every answer from the JSON file beside it (relative
 * URLs, so any mirror can serve the directory under any prefix), polls nothing, and says when
 * the figures are from. On the live site there is no such tag and nothing changes.
 */
export const snapshotTakenAt: Date | null = readSnapshotMeta();

function readSnapshotMeta(): Date | null {
  if (typeof document === 'undefined') return null;
  const content = document.querySelector(`meta[name="${SNAPSHOT_META_NAME}"]`)?.getAttribute('content');
  const date = content ? new Date(content) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/**
 * Where the page gets a public API answer: `/api/v1…` live; in a snapshot, its file relative to
 * the page. Takes a path under /api/v1 (`/elections/x/summary?area=y`) or a full `/api/v1/…` URL
 * (violation photos come as such).
 *
 * @example
 * publicDataUrl('/elections/kz/summary?area=kz-akm'); // live: '/api/v1/elections/kz/summary?area=kz-akm'
 * // snapshot: 'api/v1/elections/kz/summary/area%3Dkz-akm.json'
 */
export function publicDataUrl(apiPath: string): string {
  const withinApi = apiPath.replace(/^\/api\/v1(?=\/)/, '');
  if (!snapshotTakenAt) return `/api/v1${withinApi}`;
  // Each segment percent-encoded: a file named `area=x&level=y.json` is asked for as such.
  return snapshotFile(withinApi).split('/').map(encodeURIComponent).join('/');
}

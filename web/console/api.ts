/**
 * The console's only way to the server: same-origin fetch with the session cookie, the CSRF
 * token in `x-csrf-token` on every state-changing request, and errors as `ApiError`.
 */
export type ConsoleRole = 'admin' | 'coordinator' | 'moderator' | 'analyst';
export const CONSOLE_ROLES: readonly ConsoleRole[] = ['admin', 'coordinator', 'moderator', 'analyst'];

export interface ConsoleUser {
  id: number;
  email: string;
  role: ConsoleRole;
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: Array<{ where: string; message: string }> = [],
  ) {
    super(message);
  }

  /** The server wants password and code again before this action (see the re-auth dialog). */
  get needsReauth(): boolean {
    return this.status === 403 && this.issues.some((issue) => issue.where === 'session.reauth');
  }
}

const BASE = '/console/api';
let unauthorizedListener: (() => void) | undefined;

/** Called on any 401: the session ended (timeout, disabled, signed out elsewhere). */
export function onUnauthorized(listener: () => void): void {
  unauthorizedListener = listener;
}

/** The CSRF token the server set in the `dauys_csrf` cookie (readable by design: double-submit). */
function csrfToken(): string | undefined {
  const match = /(?:^|;\s*)dauys_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/**
 * @example
 * const { users } = await api<{ users: ConsoleUser[] }>('GET', '/users');
 */
export async function api<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') {
    if (!csrfToken()) await fetch(`${BASE}/csrf`, { credentials: 'same-origin' });
    headers['x-csrf-token'] = csrfToken() ?? '';
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const error = new ApiError(
      response.status,
      String(data.error ?? 'DAUYS_ERR_INTERNAL'),
      String(data.message ?? response.statusText),
      (data.issues as ApiError['issues']) ?? [],
    );
    if (response.status === 401 && path !== '/login' && path !== '/reauth') unauthorizedListener?.();
    throw error;
  }
  return data as T;
}

import { ApiError, api, onUnauthorized, type ConsoleUser } from './api';
import { t } from './i18n/index.svelte';

/** Who is signed in (null: show the login form). Read in templates; re-renders on change. */
export const session = $state<{ user: ConsoleUser | null; ready: boolean }>({ user: null, ready: false });

onUnauthorized(() => {
  session.user = null;
});

/** Asks the server who we are (a page reload keeps the HttpOnly session cookie). */
export async function loadSession(): Promise<void> {
  try {
    session.user = (await api<{ user: ConsoleUser }>('GET', '/me')).user;
  } catch {
    session.user = null;
  } finally {
    session.ready = true;
  }
}

export async function signIn(email: string, password: string, code: string): Promise<void> {
  session.user = (await api<{ user: ConsoleUser }>('POST', '/login', { email, password, code })).user;
}

/** What to tell someone whose password and code were refused (locked out after repeated tries, or not). */
export function signInFailure(failure: unknown): string {
  return failure instanceof ApiError && failure.status === 429 ? t('login.locked') : t('login.failed');
}

export async function signOut(): Promise<void> {
  await api('POST', '/logout').catch(() => undefined);
  session.user = null;
}

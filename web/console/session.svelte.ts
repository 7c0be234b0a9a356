import { api, onUnauthorized, type ConsoleUser } from './api';

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

export async function signOut(): Promise<void> {
  await api('POST', '/logout').catch(() => undefined);
  session.user = null;
}

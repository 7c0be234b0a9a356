import { ApiError } from './api';

/** The re-authentication dialog's state: open while an action waits for password and code. */
export const reauthDialog = $state<{ open: boolean }>({ open: false });
let settle: ((confirmed: boolean) => void) | undefined;

/** Called by the dialog when the user confirmed (server accepted) or cancelled. */
export function closeReauthDialog(confirmed: boolean): void {
  reauthDialog.open = false;
  settle?.(confirmed);
  settle = undefined;
}

/**
 * Runs a sensitive action; when the server asks for re-authentication, opens the dialog and,
 * once confirmed, runs the action again. Cancelling rethrows the server's refusal.
 *
 * @example
 * await withReauth(() => api('PATCH', `/users/${id}`, { role }));
 */
export async function withReauth<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof ApiError) || !error.needsReauth) throw error;
    reauthDialog.open = true;
    const confirmed = await new Promise<boolean>((resolve) => (settle = resolve));
    if (!confirmed) throw error;
    return action();
  }
}

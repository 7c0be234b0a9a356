import type { ConsoleUserRow } from '../store/repositories/users.repository';
import type { ConsoleRole } from '../store/tables/console.tables';

/** A console user as the API shows it: never the password hash or the TOTP secret. */
export interface ConsoleUserView {
  id: number;
  email: string;
  role: ConsoleRole;
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: string;
}

export function toUserView(row: ConsoleUserRow): ConsoleUserView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    mustChangePassword: row.must_change_password,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

/** Emails are compared case-insensitively: stored and looked up in one form. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

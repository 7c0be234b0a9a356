import type { Component } from 'svelte';
import type { ConsoleRole } from './api';
import { CONSOLE_ROLES } from './api';
import type { ConsoleMessageKey } from './i18n/index.svelte';
import Audit from './screens/Audit.svelte';
import Home from './screens/Home.svelte';
import Users from './screens/Users.svelte';

/**
 * The console's screens and who sees them in the navigation. A work queue (ballots,
 * protocols, violations, SOS, invites, official results) adds one entry here; the roles must
 * match those its API routes declare — the server enforces them, this only hides the link.
 */
export interface ConsoleSection {
  id: string;
  label: ConsoleMessageKey;
  roles: readonly ConsoleRole[];
  component: Component;
}

export const SECTIONS: readonly ConsoleSection[] = [
  { id: 'home', label: 'nav.home', roles: CONSOLE_ROLES, component: Home },
  { id: 'users', label: 'nav.users', roles: ['admin'], component: Users },
  { id: 'audit', label: 'nav.audit', roles: CONSOLE_ROLES, component: Audit },
];

import type { Component } from 'svelte';
import type { ConsoleRole, ConsoleUser } from './api';
import { CONSOLE_ROLES } from './api';
import type { ConsoleMessageKey } from './i18n/index.svelte';
import Audit from './screens/Audit.svelte';
import Home from './screens/Home.svelte';
import Users from './screens/Users.svelte';
import Ballots from './screens/Ballots.svelte';
import Observers from './screens/Observers.svelte';
import Official from './screens/Official.svelte';
import Protocols from './screens/Protocols.svelte';
import Violations from './screens/Violations.svelte';

/**
 * The console's screens and who sees them in the navigation. A work queue (ballots,
 * protocols, violations, SOS, invites, official results) adds one entry here; the roles must
 * match those its API routes declare — the server enforces them, this only hides the link.
 */
export interface ConsoleSection {
  id: string;
  label: ConsoleMessageKey;
  roles: readonly ConsoleRole[];
  /** Every screen is given the signed-in user (Shell renders `<Screen {user} />`). */
  component: Component<{ user: ConsoleUser }>;
}

export const SECTIONS: readonly ConsoleSection[] = [
  { id: 'home', label: 'nav.home', roles: CONSOLE_ROLES, component: Home },
  { id: 'users', label: 'nav.users', roles: ['admin'], component: Users },
  { id: 'audit', label: 'nav.audit', roles: CONSOLE_ROLES, component: Audit },
  // Work queues: every role reads them; the screens show change controls to the roles the API allows.
  { id: 'ballots', label: 'nav.ballots', roles: CONSOLE_ROLES, component: Ballots },
  { id: 'protocols', label: 'nav.protocols', roles: CONSOLE_ROLES, component: Protocols },
  { id: 'violations', label: 'nav.violations', roles: CONSOLE_ROLES, component: Violations },
  { id: 'observers', label: 'nav.observers', roles: CONSOLE_ROLES, component: Observers },
  { id: 'official', label: 'nav.official', roles: CONSOLE_ROLES, component: Official },
];

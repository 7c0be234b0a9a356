/** The console's screen, from the URL hash (`#/users`), so reloads and links keep the place. */
export const route = $state<{ screen: string }>({ screen: screenFromHash() });

function screenFromHash(): string {
  return globalThis.location?.hash.replace(/^#\/?/, '') || 'home';
}

export function startRouting(): void {
  window.addEventListener('hashchange', () => (route.screen = screenFromHash()));
}

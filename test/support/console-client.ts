import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { TestConsoleUser } from './console-test-app';

/**
 * A browser's worth of console state over `server.inject`: its cookies and CSRF token, sent
 * the way the console page sends them.
 *
 * @example
 * const client = new ConsoleClient(server);
 * await client.signIn(admin); // login, and a new password when the account still has its one-time one
 * const response = await client.request('GET', '/console/api/users');
 */
export class ConsoleClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(private readonly server: FastifyInstance) {}

  async request(
    method: string,
    url: string,
    options: { body?: unknown; csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (options.csrf !== false && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const response = await this.server.inject({
      method: method as 'GET',
      url,
      headers,
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
    for (const cookie of response.cookies as Array<{
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }>) {
      const cleared = cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now());
      if (cleared) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    if (this.cookies.has('dauys_csrf')) this.csrfToken = this.cookies.get('dauys_csrf');
    return response;
  }

  /** Fetches a pre-login CSRF token, then signs in with password and the current TOTP code. */
  async login(user: TestConsoleUser, overrides: { password?: string; code?: string } = {}) {
    if (!this.csrfToken) await this.request('GET', '/console/api/csrf');
    return this.request('POST', '/console/api/login', {
      body: {
        email: user.email,
        password: overrides.password ?? user.password,
        code: overrides.code ?? user.code(),
      },
    });
  }

  /** Signs in and replaces a one-time password, leaving a session that may use its role. */
  async signIn(user: TestConsoleUser): Promise<void> {
    const login = await this.login(user);
    if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
    if ((login.json() as { user: { mustChangePassword: boolean } }).user.mustChangePassword) {
      const newPassword = `${user.password}-chosen`;
      const changed = await this.request('POST', '/console/api/password', {
        body: { currentPassword: user.password, newPassword },
      });
      if (changed.statusCode !== 200)
        throw new Error(`password change failed: ${changed.statusCode} ${changed.body}`);
      user.password = newPassword;
    }
  }

  /** Opens the sensitive-action window with the next TOTP step (this one was spent on login). */
  async reauthenticate(user: TestConsoleUser): Promise<void> {
    const response = await this.request('POST', '/console/api/reauth', {
      body: { password: user.password, code: user.code(1) },
    });
    if (response.statusCode !== 204)
      throw new Error(`reauth failed: ${response.statusCode} ${response.body}`);
  }
}

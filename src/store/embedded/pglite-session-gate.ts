/**
 * Turn-taking on the one PGlite engine. PGlite is a single PostgreSQL backend: it has one
 * session, so two clients whose messages interleave would share a transaction (one client's
 * ROLLBACK undoing the other's writes) or split an extended-protocol exchange (Parse … Sync).
 *
 * Every client of the engine — the server's own `pg` pool and each socket connection — is a
 * session here. A session takes the engine for an exchange and keeps it until the engine
 * answers ReadyForQuery with status 'I' (idle, outside any transaction): a client inside a
 * transaction, in the middle of an extended-protocol exchange or of a COPY holds the engine,
 * and the others wait in arrival order.
 *
 * @example
 * const gate = new PgliteSessionGate();
 * const reply = await gate.run(session, () => pglite.execProtocolRaw(message), endsIdle);
 */
export class PgliteSessionGate {
  private holder: object | undefined;
  private readonly waiting: Array<{ session: object; grant: () => void }> = [];

  /**
   * Runs one exchange for `session`, waiting for its turn first. `releases(result)` tells
   * whether the engine is idle afterwards (then the next session may take it).
   */
  async run<T>(session: object, exchange: () => Promise<T>, releases: (result: T) => boolean): Promise<T> {
    if (this.holder === undefined) this.holder = session;
    else if (this.holder !== session) {
      await new Promise<void>((grant) => this.waiting.push({ session, grant }));
    }
    let result: T;
    try {
      result = await exchange();
    } catch (error) {
      // The engine failed (not a SQL error, which comes back as a message): do not wedge the others.
      this.release(session);
      throw error;
    }
    if (releases(result)) this.release(session);
    return result;
  }

  /** Gives the engine to the next waiting session (or drops a session's place in the queue). */
  release(session: object): void {
    if (this.holder !== session) {
      const index = this.waiting.findIndex((w) => w.session === session);
      if (index >= 0) this.waiting.splice(index, 1);
      return;
    }
    const next = this.waiting.shift();
    this.holder = next?.session;
    next?.grant();
  }

  /** Whether `session` holds the engine (it is in a transaction or mid-exchange). */
  holds(session: object): boolean {
    return this.holder === session;
  }

  /** How many sessions wait for the engine (the idle-in-transaction guard acts only then). */
  get waiters(): number {
    return this.waiting.length;
  }
}

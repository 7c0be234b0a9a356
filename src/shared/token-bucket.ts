/**
 * The one token bucket (outbox send rates per channel, HTTP limits per client address):
 * `ratePerSecond` tokens a second, at most `capacity` saved up (a one-second burst by default).
 * `take` may go into debt, so a caller that already committed to a send (a WhatsApp message that
 * needs three API calls takes three at once, never half of it) simply makes the next one wait
 * longer. The clock is injectable so tests count sends instead of measuring time.
 *
 * @example
 * const bucket = new TokenBucket(30);
 * if (bucket.available() >= 1) { bucket.take(); send(); }
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity = Math.max(1, ratePerSecond),
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(ratePerSecond > 0))
      throw new RangeError(`TokenBucket: rate must be positive, not ${ratePerSecond}`);
    this.tokens = this.capacity;
    this.updatedAt = this.now();
  }

  available(): number {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
    return this.tokens;
  }

  take(count = 1): void {
    this.available();
    this.tokens -= count;
  }

  /** Milliseconds until `count` whole tokens are available (0 if they are). */
  msUntilAvailable(count = 1): number {
    const missing = count - this.available();
    return missing <= 0 ? 0 : Math.ceil((missing / this.ratePerSecond) * 1000);
  }
}

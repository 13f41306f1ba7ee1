import { LRUCache } from 'lru-cache';

/**
 * Key checks per client address that did not succeed, in windows of a minute. A check counts from
 * the moment it starts and is taken back when the key proves valid, so a burst of wrong keys sent
 * all at once is cut off at the limit too, not only after its checks have finished. An address at
 * the limit is refused before its next key is hashed. Bounded in memory: the least recently seen
 * addresses are forgotten first.
 */
export class FailedAttempts {
  private readonly counts: LRUCache<string, number>;

  constructor(
    private readonly perMinute: number,
    addresses = 100_000,
  ) {
    // The window starts at an address's first attempt and is not extended by later ones.
    this.counts = new LRUCache({ max: addresses, ttl: 60_000, noUpdateTTL: true });
  }

  /** Counts an attempt from `address`; false (nothing counted) when the address is at its limit. */
  begin(address: string): boolean {
    const count = this.counts.get(address) ?? 0;
    if (count >= this.perMinute) return false;
    this.counts.set(address, count + 1);
    return true;
  }

  /** The attempt succeeded: it does not count against the address. */
  succeeded(address: string): void {
    const count = this.counts.get(address);
    if (count !== undefined && count > 0) this.counts.set(address, count - 1);
  }

  /** Whole seconds until the address may try again (for Retry-After). */
  retryAfter(address: string): number {
    return Math.max(1, Math.ceil(this.counts.getRemainingTTL(address) / 1000));
  }
}

import { randomUUID } from 'node:crypto';
import type { IdempotencyClaim, IdempotencyStore, StoredResponse } from '#application/shared/ports/idempotency-store.port';

type Entry =
  | { readonly state: 'in-flight'; readonly token: string; readonly fingerprint: string; readonly expiresAt: number }
  | { readonly state: 'completed'; readonly fingerprint: string; readonly response: StoredResponse; readonly expiresAt: number };

/** The idempotency store in one process's memory, with the same TTL and ownership rules as the Redis one. */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  async claim(key: string, fingerprint: string, inFlightTtlMs: number): Promise<IdempotencyClaim> {
    const current = this.#live(key);
    if (current?.state === 'completed') return { kind: 'completed', fingerprint: current.fingerprint, response: current.response };
    if (current) return { kind: 'in-flight', fingerprint: current.fingerprint };
    const token = randomUUID();
    this.#entries.set(key, { state: 'in-flight', token, fingerprint, expiresAt: this.now() + inFlightTtlMs });
    return { kind: 'acquired', token };
  }

  async complete(key: string, token: string, fingerprint: string, response: StoredResponse, ttlSeconds: number): Promise<void> {
    if (!this.#owns(key, token)) return;
    this.#entries.set(key, { state: 'completed', fingerprint, response: structuredClone(response), expiresAt: this.now() + ttlSeconds * 1000 });
  }

  async release(key: string, token: string): Promise<void> {
    if (this.#owns(key, token)) this.#entries.delete(key);
  }

  #owns(key: string, token: string): boolean {
    const current = this.#live(key);
    return current?.state === 'in-flight' && current.token === token;
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

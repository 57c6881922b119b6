/**
 * Storage for idempotency keys (API.md Conventions). A key names one (caller, method, route, client key) scope; it
 * holds either an in-flight marker (short TTL, so a crashed request does not block its key for a day) or the first
 * response (kept for the idempotency TTL). Claiming is atomic: of any number of concurrent claims, one acquires.
 */
export interface StoredResponse {
  readonly status: number;
  /** The response body as sent (empty for 204). */
  readonly body: string;
  /** Headers worth replaying (Content-Type, Location); never credentials. */
  readonly headers: Readonly<Record<string, string>>;
}

export type IdempotencyClaim =
  /** This request owns the key: run it, then `complete` or `release` with the token. */
  | { readonly kind: 'acquired'; readonly token: string }
  /** Another request with this key is running. */
  | { readonly kind: 'in-flight'; readonly fingerprint: string }
  /** A response was stored for this key. */
  | { readonly kind: 'completed'; readonly fingerprint: string; readonly response: StoredResponse };

export interface IdempotencyStore {
  claim(key: string, fingerprint: string, inFlightTtlMs: number): Promise<IdempotencyClaim>;
  /** Replaces this request's in-flight marker with its response, kept `ttlSeconds`; a no-op if the marker is gone. */
  complete(key: string, token: string, fingerprint: string, response: StoredResponse, ttlSeconds: number): Promise<void>;
  /** Removes this request's in-flight marker (the response is not stored), so the key can be used again at once. */
  release(key: string, token: string): Promise<void>;
}
export const IdempotencyStore = Symbol('IdempotencyStore');

import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { IdempotencyStore, StoredResponse } from '#application/shared/ports/idempotency-store.port';
import type { Logger } from '#application/shared/ports/logger.port';
import type { AppEnv } from '#interfaces/http/app-env';
import { problem, problemResponse, PROBLEM_TYPES } from '#interfaces/http/shared/problem';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
const MAX_KEY_LENGTH = 255;
/** How long a claimed key stays "in flight" if its request never finishes (a crash): then the key is free again. */
export const IN_FLIGHT_TTL_MS = 60_000;
/** Never stored: server errors, and answers about the caller rather than the request (API.md Conventions). */
const NOT_STORED = new Set([401, 403, 429]);
/** Headers a replay repeats; everything else (request id, cookies) belongs to the request that receives it. */
const REPLAYED_HEADERS = ['content-type', 'location'];

export interface IdempotencySettings {
  readonly ttlSeconds: number;
  readonly inFlightTtlMs?: number;
}

/**
 * Idempotency keys on every POST (API.md Conventions). Installed once per app (`provide`, app-level, so each app
 * has its own store) and run per route (`idempotencyKey`, appended by `defineRoute` to POST routes after
 * `authorize`), so the scope includes the verified caller:
 * `(user id | anonymous, method, route template, key)`. The fingerprint is a hash of the body's canonical JSON.
 */
export class IdempotencyKeys {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly logger: Logger,
    private readonly settings: IdempotencySettings,
  ) {}

  /** App-level middleware: makes this instance available to the per-route middleware. */
  provide(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      c.set('idempotency', this);
      await next();
    };
  }

  async handle(c: Context<AppEnv>, next: () => Promise<void>): Promise<Response | void> {
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined) return next();
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      return problemResponse(
        c,
        problem(400, `The ${IDEMPOTENCY_KEY_HEADER} header must be 1 to ${MAX_KEY_LENGTH} characters.`, {
          errors: [{ path: `header.${IDEMPOTENCY_KEY_HEADER}`, message: `must be 1 to ${MAX_KEY_LENGTH} characters` }],
        }),
      );
    }

    const scope = scopeOf(c, key);
    const fingerprint = fingerprintOf(await c.req.text());
    const claim = await this.store.claim(scope, fingerprint, this.settings.inFlightTtlMs ?? IN_FLIGHT_TTL_MS);
    if (claim.kind !== 'acquired' && claim.fingerprint !== fingerprint) {
      return problemResponse(
        c,
        problem(422, `This ${IDEMPOTENCY_KEY_HEADER} was already used with a different request body.`, { type: PROBLEM_TYPES.idempotencyKeyReused }),
      );
    }
    if (claim.kind === 'in-flight') {
      return problemResponse(
        c,
        problem(409, `A request with this ${IDEMPOTENCY_KEY_HEADER} is still in progress; retry once it has finished.`, {
          type: PROBLEM_TYPES.idempotencyKeyInFlight,
        }),
      );
    }
    if (claim.kind === 'completed') return replay(c, claim.response);

    try {
      await next();
    } catch (error) {
      await this.settle(() => this.store.release(scope, claim.token));
      throw error;
    }
    const response = c.res;
    if (!isStored(response)) {
      await this.settle(() => this.store.release(scope, claim.token));
      return;
    }
    const stored: StoredResponse = {
      status: response.status,
      body: response.status === 204 ? '' : await response.clone().text(),
      headers: Object.fromEntries(REPLAYED_HEADERS.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)!]] : []))),
    };
    await this.settle(() => this.store.complete(scope, claim.token, fingerprint, stored, this.settings.ttlSeconds));
  }

  /** The response is already made: a store failure must not change it (the in-flight marker then just expires). */
  private async settle(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.logger.warn({ err: error }, 'could not record an idempotency key');
    }
  }
}

/** Per-route middleware (`defineRoute` appends it to POST routes, after `authorize`). */
export const idempotencyKey: MiddlewareHandler<AppEnv> = async (c, next) => {
  const keys = c.get('idempotency');
  return keys ? keys.handle(c, next) : next();
};

function isStored(response: Response): boolean {
  // Credentials are never written to Redis: a response that sets a cookie is made afresh on a retry.
  return response.status < 500 && !NOT_STORED.has(response.status) && !response.headers.has('set-cookie');
}

/** Made through the context, so the headers set for this request (its own `X-Request-Id`) are on the replay too. */
function replay(c: Context<AppEnv>, stored: StoredResponse): Response {
  const headers: Record<string, string> = { ...stored.headers, [IDEMPOTENT_REPLAYED_HEADER]: 'true' };
  if (stored.status === 204) return c.body(null, 204, headers);
  return c.body(stored.body, stored.status as ContentfulStatusCode, headers);
}

function scopeOf(c: Context<AppEnv>, key: string): string {
  const caller = c.get('caller')?.userId ?? 'anonymous';
  const hashedKey = createHash('sha256').update(key).digest('base64url');
  return `${caller}:${c.req.method}:${routePath(c)}:${hashedKey}`;
}

/** Hash of the body's canonical JSON (object keys sorted at every level); no body counts as `{}` (API.md). */
export function fingerprintOf(body: string): string {
  let canonical: string;
  if (body.trim() === '') canonical = '{}';
  else {
    try {
      canonical = JSON.stringify(canonicalize(JSON.parse(body)));
    } catch {
      canonical = `raw:${body}`;
    }
  }
  return createHash('sha256').update(canonical).digest('base64url');
}

function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonicalize((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

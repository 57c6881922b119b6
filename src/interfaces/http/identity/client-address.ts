import { isIP } from 'node:net';
import type { Context } from 'hono';
import type { ConnInfo } from 'hono/conninfo';

/** What throttling keys on when the request has no socket (Hono's `app.request()` in tests). */
export const UNKNOWN_ADDRESS = 'unknown';

// `hono/bun` touches the Bun global when loaded, so each runtime loads only its own helper.
const connInfoOf: (c: Context) => ConnInfo =
  'Bun' in globalThis ? (await import('hono/bun')).getConnInfo : (await import('@hono/node-server/conninfo')).getConnInfo;

/**
 * The client address (DESIGN.md D5): the socket's remote address. Only with TRUST_PROXY=true, the last
 * X-Forwarded-For entry, i.e. the one the trusted proxy in front of us appended; entries further left are whatever
 * the client claimed and could be rotated to dodge the per-address login limit.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded && isIP(forwarded)) return forwarded;
  }
  return socketAddress(c) ?? UNKNOWN_ADDRESS;
}

function socketAddress(c: Context): string | undefined {
  if (!c.env || typeof c.env !== 'object') return undefined;
  try {
    return connInfoOf(c).remote.address || undefined;
  } catch {
    return undefined;
  }
}

import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '#interfaces/http/app-env';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** A client's id is echoed as sent (API.md Conventions) when it is 1..128 printable ASCII characters. */
const ACCEPTED_CLIENT_ID = /^[\x20-\x7e]{1,128}$/;

/**
 * Every response carries `X-Request-Id`: the client's own (echoed) or a fresh one. It is the correlation id of the
 * logs and audit entries. Unlike `hono/request-id`, any printable id is echoed (`req.42:retry` too), not only
 * `[\w=-]`; ids with control or non-ASCII characters, or longer than 128, are replaced.
 */
export function requestId(generate: () => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sent = c.req.header(REQUEST_ID_HEADER);
    const id = sent !== undefined && ACCEPTED_CLIENT_ID.test(sent) ? sent : generate();
    c.set('requestId', id);
    c.header(REQUEST_ID_HEADER, id);
    await next();
  };
}

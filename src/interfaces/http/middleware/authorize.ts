import type { MiddlewareHandler } from 'hono';
import { ForbiddenError, UnauthorizedError } from '#application/shared/application-error';
import type { TokenIssuer } from '#application/identity/ports/token-issuer.port';
import type { AppEnv } from '#interfaces/http/app-env';
import type { Access } from '#interfaces/http/access';

let verifier: TokenIssuer | undefined;

/** The app installs the token verifier once at start-up (the route table is declared before any container exists). */
export function installTokenVerifier(tokens: TokenIssuer): void {
  verifier = tokens;
}

const BEARER = /^Bearer ([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]*)$/;

/**
 * The one middleware that enforces a route's declared access. The role comes from the verified token, never from
 * the database, so a demoted admin keeps access until the token's `exp` (README, "Auth model").
 */
export function authorize(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access === 'public') return next();
    const match = BEARER.exec(c.req.header('Authorization') ?? '');
    const claims = match && verifier ? await verifier.verify(match[1]!) : null;
    if (!claims) throw new UnauthorizedError('A valid access token is required (Authorization: Bearer <token>).');
    if (access === 'admin' && claims.role !== 'ADMIN') throw new ForbiddenError('This action requires the ADMIN role.');
    c.set('caller', { userId: claims.userId, role: claims.role });
    return next();
  };
}

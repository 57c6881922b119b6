import { TokenIssuer } from '#application/identity/ports/token-issuer.port';
import type { ModuleContext } from '#infrastructure/di/modules/module-context';
import { HonoJwtTokenIssuer } from '#infrastructure/security/hono-jwt.token-issuer';

/** Registers the identity context's adapters and Mongoose models. */
export function registerIdentityModule({ container, config }: ModuleContext): void {
  container.register(TokenIssuer, {
    useValue: new HonoJwtTokenIssuer({
      secret: config.JWT_SECRET,
      ttlSeconds: config.JWT_TTL_SECONDS,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
    }),
  });
}

import { sign, verify } from 'hono/jwt';
import type { AccessTokenClaims, IssuedToken, TokenIssuer } from '#application/identity/ports/token-issuer.port';

export interface JwtSettings {
  readonly secret: string;
  readonly ttlSeconds: number;
  readonly issuer: string;
  readonly audience: string;
}

/**
 * HS256 access tokens with `hono/jwt`. Verification pins the algorithm (any other `alg`, `none` included, fails),
 * requires `exp`, `iat`, `sub` and a known `role`, and checks `iss` and `aud`.
 */
export class HonoJwtTokenIssuer implements TokenIssuer {
  constructor(private readonly settings: JwtSettings) {}

  async issue(claims: AccessTokenClaims): Promise<IssuedToken> {
    const iat = Math.floor(Date.now() / 1000);
    const accessToken = await sign(
      { sub: claims.userId, role: claims.role, iat, exp: iat + this.settings.ttlSeconds, iss: this.settings.issuer, aud: this.settings.audience },
      this.settings.secret,
      'HS256',
    );
    return { accessToken, expiresIn: this.settings.ttlSeconds };
  }

  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const payload = await verify(token, this.settings.secret, { alg: 'HS256', iss: this.settings.issuer, aud: this.settings.audience });
      const { sub, role, exp, iat } = payload as { sub?: unknown; role?: unknown; exp?: unknown; iat?: unknown };
      if (typeof sub !== 'string' || typeof exp !== 'number' || typeof iat !== 'number') return null;
      if (role !== 'USER' && role !== 'ADMIN') return null;
      return { userId: sub, role };
    } catch {
      return null;
    }
  }
}

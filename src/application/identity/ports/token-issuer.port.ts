/** Claims the API trusts from a verified access token: no database read per request (API.md, issue "identity"). */
export interface AccessTokenClaims {
  readonly userId: string;
  readonly role: 'USER' | 'ADMIN';
}

export interface IssuedToken {
  readonly accessToken: string;
  readonly expiresIn: number;
}

/** Issues and verifies access tokens (HS256 JWT in production). `verify` returns null for any bad token. */
export interface TokenIssuer {
  issue(claims: AccessTokenClaims): Promise<IssuedToken>;
  verify(token: string): Promise<AccessTokenClaims | null>;
}
export const TokenIssuer = Symbol('TokenIssuer');

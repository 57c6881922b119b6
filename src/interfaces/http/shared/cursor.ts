import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { KeysetPosition } from '#application/shared/pagination';
import { ValidationError } from '#application/shared/application-error';

/**
 * Opaque list cursors (DESIGN.md D5): a keyset position signed with HMAC-SHA256 and bound to the route and its
 * filters, so a cursor cannot be forged, edited or replayed against another list. A bad one is a 400.
 */
export class CursorCodec {
  constructor(private readonly secret: string) {}

  encode(position: KeysetPosition, scope: CursorScope): string {
    const body = Buffer.from(JSON.stringify({ t: position.createdAt.getTime(), i: position.id, s: scopeHash(scope) })).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  decode(cursor: string, scope: CursorScope): KeysetPosition {
    const [body, signature, extra] = cursor.split('.');
    if (!body || !signature || extra !== undefined || !this.verify(body, signature)) throw invalid();
    let parsed: { t?: unknown; i?: unknown; s?: unknown };
    try {
      parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
    if (typeof parsed.t !== 'number' || typeof parsed.i !== 'string' || parsed.s !== scopeHash(scope)) throw invalid();
    return { createdAt: new Date(parsed.t), id: parsed.i };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }

  private verify(body: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

/** What a cursor is bound to: the route template and the list's filters (not limit, not cursor). */
export interface CursorScope {
  readonly route: string;
  readonly filters: Readonly<Record<string, unknown>>;
}

function scopeHash(scope: CursorScope): string {
  const filters = Object.entries(scope.filters)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify([scope.route, filters])).digest('base64url').slice(0, 16);
}

const invalid = () => new ValidationError('cursor is not valid for this list', 'query.cursor');

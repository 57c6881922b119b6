import type { Caller } from '#application/shared/use-case-context';
import type { IdempotencyKeys } from '#interfaces/http/middleware/idempotency';
import type { CursorCodec } from '#interfaces/http/shared/cursor';

/** Per-request variables every handler and middleware can read. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** Set by the authorize middleware on routes that need a signed-in caller. */
    caller?: Caller;
    cursors: CursorCodec;
    /** Set app-wide; the per-route idempotency middleware of POST routes uses it. */
    idempotency?: IdempotencyKeys;
  };
}

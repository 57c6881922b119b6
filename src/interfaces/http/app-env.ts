import type { Caller } from '#application/shared/use-case-context';
import type { CursorCodec } from '#interfaces/http/shared/cursor';

/** Per-request variables every handler and middleware can read. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** Set by the authorize middleware on routes that need a signed-in caller. */
    caller?: Caller;
    cursors: CursorCodec;
  };
}

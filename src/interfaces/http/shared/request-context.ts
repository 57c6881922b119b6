import type { Context } from 'hono';
import { SYSTEM_ACTOR } from '#domain/shared/domain-event';
import type { UseCaseContext } from '#application/shared/use-case-context';
import type { AppEnv } from '#interfaces/http/app-env';

/** Who acts and the correlation id (the request id) of a request, as use cases take them (DESIGN.md D3). */
export function useCaseContext(c: Context<AppEnv>): UseCaseContext {
  const caller = c.get('caller');
  return { actor: caller ? { type: 'user', id: caller.userId } : SYSTEM_ACTOR, correlationId: c.get('requestId') };
}

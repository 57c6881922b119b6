import type { ProblemFieldError } from '#interfaces/http/shared/problem';

/** A request that failed its zod schema; the error handler turns it into 400 (or 404 for a path parameter). */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  constructor(
    readonly target: 'json' | 'query' | 'param' | 'header' | 'cookie' | 'form',
    readonly errors: readonly ProblemFieldError[],
  ) {
    super('request validation failed');
  }
}

/** zod issue path → dotted path (`items.0.sku`); query parameters are prefixed `query.` (DESIGN.md D5). */
export function toFieldErrors(
  target: RequestValidationError['target'],
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code?: string; keys?: readonly string[] }>,
): ProblemFieldError[] {
  const prefix = target === 'query' ? 'query.' : target === 'header' ? 'header.' : '';
  return issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    // Unknown keys are one issue listing several keys: report each key at its own path.
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      return issue.keys.map((key) => ({ path: prefix + (base ? `${base}.${key}` : key), message: 'unknown field' }));
    }
    return [{ path: base ? prefix + base : target === 'json' ? 'body' : target, message: issue.message }];
  });
}

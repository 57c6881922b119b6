import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { DependencyContainer } from 'tsyringe';
import { IdGenerator } from '#application/shared/ports/id-generator.port';
import { Logger } from '#application/shared/ports/logger.port';
import { TokenIssuer } from '#application/identity/ports/token-issuer.port';
import type { Config } from '#infrastructure/config/config';
import type { AppEnv } from '#interfaces/http/app-env';
import { createErrorHandler } from '#interfaces/http/error-handler';
import { registerHealthRoutes } from '#interfaces/http/health/health.routes';
import { installTokenVerifier } from '#interfaces/http/middleware/authorize';
import { requestId } from '#interfaces/http/middleware/request-id';
import { requestLog } from '#interfaces/http/middleware/request-log';
import { opsMiddleware, registerOpsRoutes } from '#interfaces/http/ops/ops';
import { HTTP_ROUTE_MODULES } from '#interfaces/http/route-modules';
import { CursorCodec } from '#interfaces/http/shared/cursor';
import { problem, problemResponse } from '#interfaces/http/shared/problem';
import { RequestValidationError, toFieldErrors } from '#interfaces/http/shared/request-validation-error';

export const API_TITLE = 'Subscription Commerce API';

/**
 * Builds the Hono app: request id, request log, body limit, problem+json errors, and every route module.
 * `ROLE=worker` processes get only health (and metrics); the API routes need `ROLE=api|all`.
 */
export function createHttpApp(container: DependencyContainer, config: Config): OpenAPIHono<AppEnv> {
  const logger = container.resolve<Logger>(Logger);
  const ids = container.resolve<IdGenerator>(IdGenerator);
  const cursors = new CursorCodec(config.CURSOR_SECRET ?? `cursor:${config.JWT_SECRET}`);
  if (container.isRegistered(TokenIssuer, true)) installTokenVerifier(container.resolve<TokenIssuer>(TokenIssuer));

  const app = new OpenAPIHono<AppEnv>({
    // Schema failures become problem+json via the error handler (400; 404 for a malformed path id).
    defaultHook: (result) => {
      if (!result.success) throw new RequestValidationError(result.target as RequestValidationError['target'], toFieldErrors(result.target as never, result.error.issues as never));
    },
  });

  app.use(requestId(() => ids.next()));
  app.use(async (c, next) => {
    c.set('cursors', cursors);
    await next();
  });
  app.use(requestLog(logger));
  app.use(...opsMiddleware(container, config));
  app.use(
    bodyLimit({
      maxSize: config.BODY_LIMIT_BYTES,
      onError: (c) => problemResponse(c, problem(413, `The request body is larger than ${config.BODY_LIMIT_BYTES} bytes.`)),
    }),
  );

  app.onError(createErrorHandler(logger));
  app.notFound((c) => problemResponse(c, problem(404, `No route matches ${c.req.method} ${c.req.path}.`)));

  registerHealthRoutes(app, container);
  registerOpsRoutes(app, container, config, API_TITLE);
  if (config.ROLE !== 'worker') {
    for (const register of HTTP_ROUTE_MODULES) register(app, container);
  }

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: API_TITLE, version: '1.0.0', description: 'Self-hosted subscription commerce: catalog, inventory, billing, orders.' },
  });
  return app;
}

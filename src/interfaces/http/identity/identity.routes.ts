import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { DependencyContainer } from 'tsyringe';
import { GetCurrentUserUseCase } from '#application/identity/get-current-user/get-current-user.use-case';
import { LoginUserUseCase } from '#application/identity/login-user/login-user.use-case';
import { RegisterUserUseCase } from '#application/identity/register-user/register-user.use-case';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#application/identity/shared/new-user';
import type { Config } from '#infrastructure/config/config';
import { AppConfig } from '#infrastructure/di/tokens';
import type { AppEnv } from '#interfaces/http/app-env';
import { clientAddress } from '#interfaces/http/identity/client-address';
import { AccessTokenSchema, presentUser, UserSchema } from '#interfaces/http/identity/identity.presenter';
import { defineRoute, problemResponses } from '#interfaces/http/route-table';
import { ProblemSchema } from '#interfaces/http/shared/problem';

const json = <T extends z.ZodTypeAny>(schema: T) => ({ 'application/json': { schema } });

// Lengths from API.md; anything longer is refused by the schema, before any hashing.
const RegisterBody = z
  .strictObject({
    email: z.string().max(254).openapi({ example: 'ada@example.com' }),
    password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
    name: z.string().min(1).max(100).openapi({ example: 'Ada Lovelace' }),
  })
  .openapi('RegisterRequest');

const LoginBody = z
  .strictObject({
    email: z.string().min(1).max(254),
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .openapi('LoginRequest');

const register = defineRoute('public', {
  method: 'post',
  path: '/api/v1/auth/register',
  tags: ['Auth'],
  summary: 'Create a USER account',
  request: { body: { required: true, content: json(RegisterBody) } },
  responses: {
    201: { description: 'Registered', content: json(UserSchema) },
    ...problemResponses(409, 413, 415),
  },
});

const login = defineRoute('public', {
  method: 'post',
  path: '/api/v1/auth/login',
  tags: ['Auth'],
  summary: 'Exchange e-mail and password for an access token',
  description:
    'A wrong e-mail and a wrong password give the same 401. Failed logins are counted per e-mail and per client address; once over the limit every attempt answers 429 with Retry-After until the window ends.',
  request: { body: { required: true, content: json(LoginBody) } },
  responses: {
    200: { description: 'Signed in', content: json(AccessTokenSchema) },
    401: { description: 'Wrong e-mail or password', content: { 'application/problem+json': { schema: ProblemSchema } } },
    ...problemResponses(413, 415, 429),
  },
});

const me = defineRoute('user', {
  method: 'get',
  path: '/api/v1/auth/me',
  tags: ['Auth'],
  summary: 'The signed-in user',
  responses: {
    200: { description: 'The caller’s account', content: json(UserSchema) },
    ...problemResponses(404),
  },
});

export function registerIdentityRoutes(app: OpenAPIHono<AppEnv>, container: DependencyContainer): void {
  const config = container.resolve<Config>(AppConfig);

  app.openapi(register, async (c) => {
    const body = c.req.valid('json');
    const user = await container.resolve(RegisterUserUseCase).execute({ ...body, correlationId: c.get('requestId') });
    return c.json(presentUser(user), 201);
  });

  app.openapi(login, async (c) => {
    const body = c.req.valid('json');
    const result = await container.resolve(LoginUserUseCase).execute({
      ...body,
      clientAddress: clientAddress(c, config.TRUST_PROXY),
      correlationId: c.get('requestId'),
    });
    return c.json(result, 200);
  });

  app.openapi(me, async (c) => {
    const user = await container.resolve(GetCurrentUserUseCase).execute({ caller: c.get('caller')! });
    return c.json(presentUser(user), 200);
  });
}

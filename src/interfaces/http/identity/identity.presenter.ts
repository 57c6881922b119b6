import { z } from '@hono/zod-openapi';
import type { UserView } from '#application/identity/shared/user-view';
import { IdSchema, timestamp } from '#interfaces/http/shared/schemas';

export const UserSchema = z
  .object({
    id: IdSchema,
    email: z.string().openapi({ example: 'Ada@Example.com' }),
    name: z.string(),
    role: z.enum(['USER', 'ADMIN']),
    createdAt: timestamp(),
  })
  .openapi('User');

export const AccessTokenSchema = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().openapi({ description: 'Seconds until the token expires', example: 900 }),
  })
  .openapi('AccessToken');

/** The user as the API shows it: the e-mail as typed, never the password hash. */
export function presentUser(user: UserView): z.infer<typeof UserSchema> {
  return { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt.toISOString() };
}

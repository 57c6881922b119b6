import { UserRepository } from '#domain/identity/user/user.repository';
import { LoginThrottle } from '#application/identity/ports/login-throttle.port';
import { PasswordHasher } from '#application/identity/ports/password-hasher.port';
import { TokenIssuer } from '#application/identity/ports/token-issuer.port';
import type { ModuleContext } from '#infrastructure/di/modules/module-context';
import { MongooseUserRepository } from '#infrastructure/persistence/mongoose/identity/mongoose-user.repository';
import { userModel } from '#infrastructure/persistence/mongoose/identity/user.schema';
import { Argon2PasswordHasher } from '#infrastructure/security/argon2.password-hasher';
import { HonoJwtTokenIssuer } from '#infrastructure/security/hono-jwt.token-issuer';
import { RedisLoginThrottle } from '#infrastructure/security/redis-login-throttle';

/** Registers the identity context's adapters and Mongoose models. */
export function registerIdentityModule({ container, config, connection, redis }: ModuleContext): void {
  container.register(TokenIssuer, {
    useValue: new HonoJwtTokenIssuer({
      secret: config.JWT_SECRET,
      ttlSeconds: config.JWT_TTL_SECONDS,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
    }),
  });
  container.register(PasswordHasher, {
    useValue: new Argon2PasswordHasher({ memoryKib: config.ARGON2_MEMORY_KIB, timeCost: config.ARGON2_TIME_COST }),
  });
  container.register(LoginThrottle, {
    useValue: new RedisLoginThrottle(redis, config.REDIS_KEY_PREFIX, {
      maxFailsEmail: config.LOGIN_MAX_FAILS_EMAIL,
      maxFailsAddress: config.LOGIN_MAX_FAILS_ADDRESS,
      windowMs: config.LOGIN_WINDOW_MS,
    }),
  });
  userModel(connection);
  container.registerSingleton(UserRepository, MongooseUserRepository);
}

import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { DependencyContainer } from 'tsyringe';
import type { Logger } from '#application/shared/ports/logger.port';
import type { Config } from '#infrastructure/config/config';

/** What each bounded context's module gets to register its adapters and Mongoose models. */
export interface ModuleContext {
  readonly container: DependencyContainer;
  readonly config: Config;
  readonly connection: Connection;
  readonly redis: Redis;
  readonly logger: Logger;
}

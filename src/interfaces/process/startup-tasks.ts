import type { DependencyContainer } from 'tsyringe';
import { SYSTEM_ACTOR } from '#domain/shared/domain-event';
import { EnsureDefaultFulfillmentCenterUseCase } from '#application/inventory/ensure-default-fulfillment-center/ensure-default-fulfillment-center.use-case';
import type { Logger } from '#application/shared/ports/logger.port';
import { BootstrapAdminUseCase } from '#application/identity/bootstrap-admin/bootstrap-admin.use-case';
import type { Config } from '#infrastructure/config/config';
import { AppConfig } from '#infrastructure/di/tokens';

/**
 * Rows every process needs before it reports ready (DESIGN.md D2), each upserted race-safely on its unique key so
 * any number of processes can start at once.
 */
export async function runStartupTasks(container: DependencyContainer, logger: Logger): Promise<void> {
  const context = { actor: SYSTEM_ACTOR, correlationId: 'startup' };
  const center = await container.resolve(EnsureDefaultFulfillmentCenterUseCase).execute(context);
  if (center.created) logger.info({ fulfillmentCenterId: center.id }, 'created the DEFAULT fulfillment center');
  const { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password, BOOTSTRAP_ADMIN_NAME: name } = container.resolve<Config>(AppConfig);
  if (email && password) await container.resolve(BootstrapAdminUseCase).execute({ ...context, email, password, name });
}

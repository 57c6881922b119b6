import type { ModuleContext } from '#infrastructure/di/modules/module-context';

/** Registers the billing context's adapters and Mongoose models. */
export function registerBillingModule(_context: ModuleContext): void {}

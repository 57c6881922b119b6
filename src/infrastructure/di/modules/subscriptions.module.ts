import type { ModuleContext } from '#infrastructure/di/modules/module-context';

/** Registers the subscriptions context's adapters and Mongoose models. */
export function registerSubscriptionsModule(_context: ModuleContext): void {}

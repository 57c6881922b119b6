import type { ModuleContext } from '#infrastructure/di/modules/module-context';

/** Registers the orders context's adapters and Mongoose models. */
export function registerOrdersModule(_context: ModuleContext): void {}

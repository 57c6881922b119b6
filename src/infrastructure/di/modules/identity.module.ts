import type { ModuleContext } from '#infrastructure/di/modules/module-context';

/** Registers the identity context's adapters and Mongoose models. */
export function registerIdentityModule(_context: ModuleContext): void {}

import type { ModuleContext } from '#infrastructure/di/modules/module-context';

/** Registers the catalog context's adapters and Mongoose models. */
export function registerCatalogModule(_context: ModuleContext): void {}

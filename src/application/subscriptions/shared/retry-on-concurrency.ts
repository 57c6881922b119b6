import { ConcurrencyError } from '#domain/shared/domain-error';

/**
 * Runs a load-change-save step again when its versioned save lost to another writer (a billing outcome landing
 * while a customer cancels, say). The step must reload what it changes. After `attempts` losses the error goes up.
 */
export async function retryOnConcurrency<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= attempts) throw error;
    }
  }
}

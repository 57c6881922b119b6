/**
 * A gate for forcing an interleaving: the first caller that reaches `hold()` signals `entered` and waits until
 * `release()`; later callers pass straight through. Race tests use it to keep one copy of a job inside its
 * critical step while another copy (or the reservation sweeper) runs.
 */
export class Barrier {
  #release!: () => void;
  #entered!: () => void;
  readonly #gate = new Promise<void>((resolve) => (this.#release = resolve));
  /** Resolves once the first caller is held inside. */
  readonly entered = new Promise<void>((resolve) => (this.#entered = resolve));
  #armed = true;

  async hold(): Promise<void> {
    if (!this.#armed) return;
    this.#armed = false;
    this.#entered();
    await this.#gate;
  }

  release(): void {
    this.#release();
  }
}

/** A promise that rejects if `promise` has not settled within `ms` (so a wrongly blocked race fails instead of hanging). */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { PasswordHasher } from '#application/identity/ports/password-hasher.port';

export interface Argon2Settings {
  /** ARGON2_MEMORY_KIB (OWASP minimum 19456). */
  readonly memoryKib: number;
  /** ARGON2_TIME_COST (OWASP minimum 2 at 19 MiB). */
  readonly timeCost: number;
}

/** argon2id with parallelism 1; hashes are PHC strings that carry their own parameters. */
export class Argon2PasswordHasher implements PasswordHasher {
  readonly #dummy: Promise<string>;

  constructor(private readonly settings: Argon2Settings) {
    // Made once, eagerly, with the current parameters, so the first unknown-e-mail login does not pay for it.
    this.#dummy = this.hash(randomBytes(32).toString('base64url'));
    this.#dummy.catch(() => {});
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: this.settings.memoryKib,
      timeCost: this.settings.timeCost,
      parallelism: 1,
    });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  dummyHash(): Promise<string> {
    return this.#dummy;
  }
}

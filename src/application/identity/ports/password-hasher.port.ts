/** Password hashing (argon2id in production). Implementations never log or keep the plain password. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a malformed hash; never throws for either. */
  verify(hash: string, password: string): Promise<boolean>;
  /**
   * A hash of a random secret made with the current parameters, the same for the life of the process. Login
   * verifies against it when no user matches, so an unknown e-mail costs exactly what a wrong password costs.
   */
  dummyHash(): Promise<string>;
}
export const PasswordHasher = Symbol('PasswordHasher');

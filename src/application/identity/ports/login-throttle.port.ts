/** Who a login attempt is for and where it comes from: each has its own failure counter (API.md "Auth"). */
export interface LoginAttemptKey {
  /** Normalised (`Email.normalize`). */
  readonly email: string;
  /** The client address (DESIGN.md D5: the socket address; X-Forwarded-For only behind a trusted proxy). */
  readonly address: string;
}

export type ThrottleDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Failed-login throttling. Only failures count. Once the e-mail or the address has reached its limit within the
 * window, every attempt for it is refused until the window ends (a right password too); a success clears the
 * e-mail's counter. Windows are real time, never the simulated clock (DESIGN.md D1).
 */
export interface LoginThrottle {
  check(key: LoginAttemptKey): Promise<ThrottleDecision>;
  recordFailure(key: LoginAttemptKey): Promise<void>;
  recordSuccess(key: LoginAttemptKey): Promise<void>;
}
export const LoginThrottle = Symbol('LoginThrottle');

/** The limits of API.md "Auth" (LOGIN_MAX_FAILS_EMAIL, LOGIN_MAX_FAILS_ADDRESS, LOGIN_WINDOW_MS). */
export interface LoginThrottleLimits {
  readonly maxFailsEmail: number;
  readonly maxFailsAddress: number;
  readonly windowMs: number;
}

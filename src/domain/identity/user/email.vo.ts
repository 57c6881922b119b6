import { InvalidEmailError } from '#domain/identity/user/user.errors';

const MAX_LENGTH = 254;
// Deliberately loose (RFC 5321 addresses are wilder than any regex): one @, no spaces, a dot in the domain.
const SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An e-mail address: trimmed and kept as the user typed it, but matched case-insensitively everywhere through
 * `normalized` (the unique key and the lookup key).
 */
export class Email {
  private constructor(
    /** As typed, trimmed. */
    readonly value: string,
    /** The matching key: trimmed, Unicode NFC, lower-cased. */
    readonly normalized: string,
  ) {}

  static parse(raw: string): Email {
    const value = raw.trim();
    if (value.length === 0 || value.length > MAX_LENGTH || !SHAPE.test(value)) {
      throw new InvalidEmailError('email must be a valid e-mail address of at most 254 characters');
    }
    return new Email(value, Email.normalize(value));
  }

  /** The matching key of any string (no validation): used for lookups, throttling keys and audit subjects. */
  static normalize(raw: string): string {
    return raw.trim().normalize('NFC').toLowerCase();
  }
}

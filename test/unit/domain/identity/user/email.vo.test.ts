import { describe, expect, it } from 'bun:test';
import { Email } from '#domain/identity/user/email.vo';
import { InvalidEmailError } from '#domain/identity/user/user.errors';

describe('Email', () => {
  it('keeps the address as typed (trimmed) and matches on a lower-cased key', () => {
    const email = Email.parse('  Ada.Lovelace@Example.COM ');
    expect(email.value).toBe('Ada.Lovelace@Example.COM');
    expect(email.normalized).toBe('ada.lovelace@example.com');
    expect(Email.normalize('ADA.lovelace@example.com')).toBe(email.normalized);
  });

  it.each(['', '   ', 'no-at-sign', 'two@@example.com', 'a b@example.com', 'a@nodot', `${'a'.repeat(250)}@x.io`])('refuses %p', (raw) => {
    expect(() => Email.parse(raw)).toThrow(InvalidEmailError);
  });

  it('names the field in its error', () => {
    try {
      Email.parse('nope');
      throw new Error('unreachable');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEmailError);
      expect((error as InvalidEmailError).path).toBe('email');
    }
  });
});

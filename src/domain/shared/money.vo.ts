import { InvariantViolationError } from '#domain/shared/domain-error';

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An amount in integer minor units with its ISO 4217 currency (upper case). */
export class Money {
  private constructor(readonly amount: number, readonly currency: string) {}

  static of(amount: number, currency: string): Money {
    const code = currency.toUpperCase();
    if (!KNOWN_CURRENCIES.has(code)) throw new InvariantViolationError(`unknown currency ${currency}`, 'currency');
    if (!Number.isSafeInteger(amount) || amount < 0) {
      throw new InvariantViolationError('amount must be a non-negative integer of minor units', 'amount');
    }
    return new Money(amount, code);
  }

  static isKnownCurrency(currency: string): boolean {
    return KNOWN_CURRENCIES.has(currency.toUpperCase());
  }

  times(quantity: number): Money {
    return Money.of(this.amount * quantity, this.currency);
  }
}

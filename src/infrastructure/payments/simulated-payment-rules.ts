import { createHash } from 'node:crypto';
import type { PaymentFailureReason } from '#domain/billing/billing-attempt/billing-attempt.events';
import type { ChargeRequest, ChargeResult } from '#application/billing/ports/payment-gateway.port';

/** One idempotency key in the simulated gateway's ledger: the first answer, and every call made with the key. */
export interface PaymentLedgerEntry {
  readonly idempotencyKey: string;
  readonly chargeId: string;
  readonly paymentMethod: string;
  readonly amount: number;
  readonly currency: string;
  readonly outcome: 'succeeded' | 'failed';
  readonly reason: PaymentFailureReason | null;
  readonly metadata: Readonly<Record<string, string>>;
  /** Real time of every call with this key (the first one made the charge; later ones were replays). */
  readonly calls: readonly Date[];
  readonly createdAt: Date;
}

/**
 * What the simulated card does (API.md, DESIGN.md D4): `pm_card_ok` succeeds, `pm_card_declined` fails with
 * `card_declined`, `pm_card_insufficient_funds` with `insufficient_funds`, and `pm_card_random` fails with
 * `card_declined` when a hash of the idempotency key falls below the failure rate (so a replay decides the same).
 * Unknown methods are declined.
 */
export function simulatedCharge(request: ChargeRequest, failureRate: number): ChargeResult {
  const chargeId = `ch_${digest(`charge:${request.idempotencyKey}`).slice(0, 24)}`;
  switch (request.paymentMethod) {
    case 'pm_card_ok':
      return { status: 'succeeded', chargeId };
    case 'pm_card_insufficient_funds':
      return { status: 'failed', chargeId, reason: 'insufficient_funds' };
    case 'pm_card_random':
      return unitInterval(request.idempotencyKey) < failureRate ? { status: 'failed', chargeId, reason: 'card_declined' } : { status: 'succeeded', chargeId };
    default:
      return { status: 'failed', chargeId, reason: 'card_declined' };
  }
}

/** A new ledger entry for the first call with a key. */
export function ledgerEntryFor(request: ChargeRequest, result: ChargeResult, at: Date): PaymentLedgerEntry {
  return {
    idempotencyKey: request.idempotencyKey,
    chargeId: result.chargeId,
    paymentMethod: request.paymentMethod,
    amount: request.amount,
    currency: request.currency,
    outcome: result.status,
    reason: result.status === 'failed' ? result.reason : null,
    metadata: { ...request.metadata },
    calls: [at],
    createdAt: at,
  };
}

/** The answer a ledger entry replays. */
export function resultOf(entry: Pick<PaymentLedgerEntry, 'chargeId' | 'outcome' | 'reason'>): ChargeResult {
  return entry.outcome === 'succeeded'
    ? { status: 'succeeded', chargeId: entry.chargeId }
    : { status: 'failed', chargeId: entry.chargeId, reason: entry.reason ?? 'card_declined' };
}

/** A number in [0, 1) from the key: the first 48 bits of its SHA-256. */
export function unitInterval(key: string): number {
  return Number.parseInt(digest(`random:${key}`).slice(0, 12), 16) / 2 ** 48;
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

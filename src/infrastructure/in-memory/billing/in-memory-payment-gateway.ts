import type { ChargeRequest, ChargeResult, PaymentGateway } from '#application/billing/ports/payment-gateway.port';
import { ledgerEntryFor, resultOf, simulatedCharge, sleep, type PaymentLedgerEntry } from '#infrastructure/payments/simulated-payment-rules';

/** The simulated gateway with its ledger in memory: same rules and idempotency as the MongoDB one. */
export class InMemoryPaymentGateway implements PaymentGateway {
  readonly #ledger = new Map<string, { entry: PaymentLedgerEntry; calls: Date[] }>();

  constructor(private readonly options: { failureRate?: number; latencyMs?: number } = {}) {}

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const at = new Date();
    const known = this.#ledger.get(request.idempotencyKey);
    let result: ChargeResult;
    if (known) {
      known.calls.push(at);
      result = resultOf(known.entry);
    } else {
      result = simulatedCharge(request, this.options.failureRate ?? 0.1);
      this.#ledger.set(request.idempotencyKey, { entry: ledgerEntryFor(request, result, at), calls: [at] });
    }
    await sleep(this.options.latencyMs ?? 0);
    return result;
  }

  /** Every key charged, oldest first, with all its calls. */
  ledger(): PaymentLedgerEntry[] {
    return [...this.#ledger.values()].map(({ entry, calls }) => ({ ...entry, calls: [...calls] }));
  }
}

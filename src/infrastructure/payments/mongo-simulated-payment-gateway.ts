import type { Connection, Model } from 'mongoose';
import type { ChargeRequest, ChargeResult, PaymentGateway } from '#application/billing/ports/payment-gateway.port';
import { paymentLedgerModel } from '#infrastructure/persistence/mongoose/billing/payment-ledger.schema';
import { isDuplicateKeyError } from '#infrastructure/persistence/mongoose/shared/mongo-errors';
import { ledgerEntryFor, resultOf, simulatedCharge, sleep, type PaymentLedgerEntry } from '#infrastructure/payments/simulated-payment-rules';

export interface SimulatedGatewaySettings {
  /** PAYMENT_SIMULATED_FAILURE_RATE: how often `pm_card_random` fails. */
  readonly failureRate: number;
  /** PAYMENT_SIMULATED_LATENCY_MS: the time a charge takes (after it is recorded, like a slow response). */
  readonly latencyMs: number;
}

type LedgerDocument = Omit<PaymentLedgerEntry, 'idempotencyKey'> & { _id: string };

/**
 * The simulated payment gateway (DESIGN.md D4) with its ledger in MongoDB. Idempotent by key across processes: the
 * first call's answer is stored with `$setOnInsert` in one upsert that also `$push`es the call's time, so every
 * later call with the key replays it and is counted, and no key is ever charged twice.
 */
export class MongoSimulatedPaymentGateway implements PaymentGateway {
  private readonly model: Model<any>;

  constructor(connection: Connection, private readonly settings: SimulatedGatewaySettings) {
    this.model = paymentLedgerModel(connection);
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const at = new Date();
    const { idempotencyKey, calls: _calls, ...first } = ledgerEntryFor(request, simulatedCharge(request, this.settings.failureRate), at);
    let stored: LedgerDocument | null = null;
    for (let tries = 0; !stored; tries += 1) {
      try {
        stored = (await this.model.collection.findOneAndUpdate(
          { _id: idempotencyKey as never },
          { $setOnInsert: first, $push: { calls: at } } as never,
          { upsert: true, returnDocument: 'after' },
        )) as LedgerDocument | null;
      } catch (error) {
        // Two first calls raced on the unique key: the loser's retry finds the winner's entry and replays it.
        if (!isDuplicateKeyError(error) || tries >= 2) throw error;
      }
    }
    await sleep(this.settings.latencyMs);
    return resultOf(stored);
  }

  /** Ledger entries, oldest first (tests and operators: "was this charged, and how many calls"). */
  async entries(filter: { subscriptionId?: string } = {}): Promise<PaymentLedgerEntry[]> {
    const docs = await this.model.collection
      .find<LedgerDocument>(filter.subscriptionId ? { 'metadata.subscriptionId': filter.subscriptionId } : {})
      .sort({ createdAt: 1, _id: 1 })
      .toArray();
    return docs.map(({ _id, ...rest }) => ({ idempotencyKey: _id, ...rest }));
  }
}

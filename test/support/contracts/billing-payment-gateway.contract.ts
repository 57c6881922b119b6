import { describe, expect, it } from 'bun:test';
import type { PaymentGateway } from '#application/billing/ports/payment-gateway.port';
import type { PaymentLedgerEntry } from '#infrastructure/payments/simulated-payment-rules';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';

export interface PaymentGatewayFixture {
  readonly gateway: PaymentGateway;
  ledger(): Promise<readonly PaymentLedgerEntry[]>;
}

const ids = new UuidV7IdGenerator();
const request = (paymentMethod: string, key = ids.next()) => ({ idempotencyKey: key, paymentMethod, amount: 500, currency: 'EUR', metadata: { subscriptionId: 's' } });

/** The simulated gateway's contract (API.md, DESIGN.md D4), in memory and with its MongoDB ledger. `failureRate` must be 0.5. */
export function paymentGatewayContract(name: string, setup: () => Promise<PaymentGatewayFixture>): void {
  describe(`simulated PaymentGateway contract: ${name}`, () => {
    it('answers per payment method: ok, declined, insufficient funds', async () => {
      const { gateway } = await setup();
      expect(await gateway.charge(request('pm_card_ok'))).toMatchObject({ status: 'succeeded' });
      expect(await gateway.charge(request('pm_card_declined'))).toMatchObject({ status: 'failed', reason: 'card_declined' });
      expect(await gateway.charge(request('pm_card_insufficient_funds'))).toMatchObject({ status: 'failed', reason: 'insufficient_funds' });
    });

    it('is idempotent by key: replays the first answer, records every call, never a second charge', async () => {
      const { gateway, ledger } = await setup();
      const key = ids.next();
      const first = await gateway.charge(request('pm_card_ok', key));
      const again = await Promise.all([gateway.charge(request('pm_card_declined', key)), gateway.charge(request('pm_card_ok', key))]);
      expect(again).toEqual([first, first]);
      const entries = (await ledger()).filter((e) => e.idempotencyKey === key);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ outcome: 'succeeded', amount: 500, paymentMethod: 'pm_card_ok' });
      expect(entries[0]!.calls).toHaveLength(3);
    });

    it('pm_card_random decides by the key: the same key always the same, about the configured share failing', async () => {
      const { gateway } = await setup();
      const keys = Array.from({ length: 200 }, () => ids.next());
      const outcomes = await Promise.all(keys.map((key) => gateway.charge(request('pm_card_random', key))));
      const replays = await Promise.all(keys.slice(0, 20).map((key) => gateway.charge(request('pm_card_random', key))));
      expect(replays.map((r) => r.status)).toEqual(outcomes.slice(0, 20).map((r) => r.status));
      const failed = outcomes.filter((o) => o.status === 'failed').length;
      expect(failed).toBeGreaterThan(60);
      expect(failed).toBeLessThan(140);
    });
  });
}

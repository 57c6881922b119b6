import { describe, expect, it } from 'bun:test';
import type { SubscriptionSnapshot } from '#domain/subscriptions/subscription/subscription.aggregate';
import type { SubscriptionRepository } from '#domain/subscriptions/subscription/subscription.repository';
import { ConcurrencyError } from '#domain/shared/domain-error';
import type { SubscriptionQueries } from '#application/subscriptions/queries/subscription-queries.port';
import { UuidV7IdGenerator } from '#infrastructure/ids/uuid-v7.id-generator';
import { subscriptionMother } from '../billing-subscription-mother';

export interface SubscriptionRepositoryFixture {
  readonly repository: SubscriptionRepository & SubscriptionQueries;
  delivered(): readonly string[];
}

const ids = new UuidV7IdGenerator();
const meta = { actor: { type: 'system' as const }, correlationId: 'corr' };

/** The subscription store's contract, in memory and on MongoDB: versioned saves, the billing scan's keyset pages, lists. */
export function subscriptionRepositoryContract(name: string, setup: () => Promise<SubscriptionRepositoryFixture>): void {
  describe(`SubscriptionRepository contract: ${name}`, () => {
    it('round-trips a subscription, and a stale copy cannot overwrite a newer save', async () => {
      const { repository, delivered } = await setup();
      const s = subscriptionMother.incomplete();
      s.changePaymentMethod('pm_card_random', new Date('2026-02-01T00:00:00.000Z'));
      await repository.save(s, meta);
      const loaded = (await repository.findById(s.id))!;
      expect(loaded.toSnapshot()).toEqual(s.toSnapshot());
      expect(delivered()).toContain('subscriptions.subscription.payment_method_changed');
      const a = (await repository.findById(s.id))!;
      const b = (await repository.findById(s.id))!;
      a.cancel(false, new Date('2026-02-02T00:00:00.000Z'));
      await repository.save(a, meta);
      b.changePaymentMethod('pm_card_ok', new Date('2026-02-02T00:00:00.000Z'));
      await expect(repository.save(b, meta)).rejects.toBeInstanceOf(ConcurrencyError);
    });

    it('finds due subscriptions in (nextBillingAt, id) keyset pages: inclusive of now, none twice, none missed, canceled never', async () => {
      const { repository } = await setup();
      const now = new Date('2030-05-01T00:00:00.000Z');
      const due: string[] = [];
      for (const offsetMs of [-86_400_000, -5, -5, -5, 0, 0]) {
        const s = subscriptionMother.incomplete(undefined, new Date(now.getTime() + offsetMs));
        await repository.save(s, meta);
        due.push(s.id);
      }
      const notYet = subscriptionMother.incomplete(undefined, new Date(now.getTime() + 1));
      const canceled = subscriptionMother.canceled(new Date(now.getTime() - 10));
      await repository.save(notYet, meta);
      await repository.save(canceled, meta);
      const seen: string[] = [];
      let after;
      for (let guard = 0; guard < 10; guard += 1) {
        const page = await repository.findDue(now, { limit: 2, ...(after ? { after } : {}) });
        seen.push(...page.map((s) => s.id));
        if (page.length < 2) break;
        const last = page.at(-1)!.toSnapshot();
        after = { nextBillingAt: last.nextBillingAt!, id: last.id };
      }
      expect(seen.filter((id) => due.includes(id)).sort()).toEqual([...due].sort());
      expect(seen).not.toContain(notYet.id);
      expect(seen).not.toContain(canceled.id);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('lists a user’s subscriptions newest first with keyset pages', async () => {
      const { repository } = await setup();
      const userId = ids.next();
      const made: SubscriptionSnapshot[] = [];
      for (let i = 0; i < 5; i += 1) {
        const s = subscriptionMother.incomplete(undefined, new Date(Date.UTC(2026, 0, 1 + (i % 3))), userId);
        await repository.save(s, meta);
        made.push(s.toSnapshot());
      }
      const seen: string[] = [];
      let after;
      for (let guard = 0; guard < 10; guard += 1) {
        const page = await repository.list({ userId }, { limit: 2, ...(after ? { after } : {}) });
        seen.push(...page.items.map((s) => s.id));
        if (!page.next) break;
        after = page.next;
      }
      const expected = [...made].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((s) => s.id);
      expect(seen).toEqual(expected);
    });
  });
}

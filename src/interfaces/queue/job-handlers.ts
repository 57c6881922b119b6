import type { DependencyContainer } from 'tsyringe';
import type { JobHandler, JobHandlers } from '#infrastructure/messaging/job-handler';
import { inventoryJobHandlers } from '#interfaces/queue/inventory.worker';
import { billingJobHandlers } from '#interfaces/queue/billing.worker';
import { fulfillmentJobHandlers } from '#interfaces/queue/fulfillment.worker';
import { subscriptionsJobHandlers } from '#interfaces/queue/subscriptions.worker';

/**
 * Every queue's job handlers, by queue and job name. Each context's `<ctx>.worker.ts` contributes its handlers;
 * they zod-parse the payload, rebuild the event and call a subscriber or use case (STYLE.md rule 24).
 */
export function buildJobHandlers(container: DependencyContainer): JobHandlers {
  return mergeHandlers([
    inventoryJobHandlers(container),
    billingJobHandlers(container),
    fulfillmentJobHandlers(container),
    subscriptionsJobHandlers(container),
  ]);
}

export function mergeHandlers(parts: readonly JobHandlers[]): JobHandlers {
  const merged: Record<string, Record<string, JobHandler>> = {};
  for (const part of parts) {
    for (const [queue, byName] of Object.entries(part)) {
      for (const [name, handler] of Object.entries(byName ?? {})) {
        merged[queue] ??= {};
        if (merged[queue][name]) throw new Error(`job ${queue}/${name} has two handlers`);
        merged[queue][name] = handler;
      }
    }
  }
  return merged as JobHandlers;
}

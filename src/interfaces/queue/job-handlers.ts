import type { DependencyContainer } from 'tsyringe';
import type { JobHandler, JobHandlers } from '#infrastructure/messaging/job-handler';

/**
 * Every queue's job handlers, by queue and job name. Each context's `<ctx>.worker.ts` contributes its handlers;
 * they zod-parse the payload, rebuild the event and call a subscriber or use case (STYLE.md rule 24).
 */
export function buildJobHandlers(_container: DependencyContainer): JobHandlers {
  return mergeHandlers([]);
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

import type { Logger } from '#application/shared/ports/logger.port';
import type { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import type { OutboxSource } from '#infrastructure/messaging/outbox-source';

export interface OutboxRelayOptions {
  readonly intervalMs: number;
  /** Entries younger than this are left to the fast path of the process that wrote them. */
  readonly minAgeMs: number;
  readonly batchSize?: number;
}

/**
 * The slow path of the outbox (DESIGN.md D3): a loop in every worker-role process that republishes entries older
 * than a few seconds, i.e. those whose writer crashed or failed between its save and its dispatch.
 */
export class OutboxRelay {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;

  constructor(
    private readonly sources: readonly OutboxSource[],
    private readonly dispatcher: OutboxDispatcher,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions,
  ) {}

  start(): void {
    this.#stopped = false;
    this.#schedule();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** One pass over every source; returns how many entries were delivered. */
  async runOnce(): Promise<number> {
    const storedBefore = new Date(Date.now() - this.options.minAgeMs);
    let delivered = 0;
    for (const source of this.sources) {
      const pending = await source.findPending(storedBefore, this.options.batchSize ?? 100);
      for (const { documentId, entries } of pending) {
        await this.dispatcher.dispatch(source, documentId, entries);
        delivered += entries.length;
      }
    }
    return delivered;
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.runOnce()
        .then((n) => {
          if (n > 0) this.logger.info({ delivered: n }, 'outbox relay republished stale entries');
        })
        .catch((error) => this.logger.warn({ err: error }, 'outbox relay pass failed; retrying'))
        .finally(() => this.#schedule());
    }, this.options.intervalMs);
  }
}

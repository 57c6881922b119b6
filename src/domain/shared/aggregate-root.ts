import type { DomainEvent } from '#domain/shared/domain-event';

/**
 * Base of every aggregate: a private list of recorded events and the version used for optimistic concurrency.
 * Nothing else lives here on purpose (STYLE.md rule 8).
 */
export abstract class AggregateRoot {
  #events: DomainEvent[] = [];
  #version: number;

  protected constructor(version: number) {
    this.#version = version;
  }

  /** The version this instance was loaded at (0 for one never saved). Repositories write `version + 1`. */
  get version(): number {
    return this.#version;
  }

  protected record(event: DomainEvent): void {
    this.#events.push(event);
  }

  /** Hands out the recorded events once; a second call returns only what was recorded since. */
  pullDomainEvents(): DomainEvent[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }

  /** Called by a repository after its versioned write succeeded, so the instance can be saved again. */
  markSaved(): void {
    this.#version += 1;
  }
}

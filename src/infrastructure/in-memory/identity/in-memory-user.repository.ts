import { Email } from '#domain/identity/user/email.vo';
import { User, type UserSnapshot } from '#domain/identity/user/user.aggregate';
import type { UserRepository } from '#domain/identity/user/user.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import type { IdGenerator } from '#application/shared/ports/id-generator.port';
import type { OutboxDispatcher } from '#infrastructure/messaging/outbox-dispatcher';
import { InMemoryAggregateStore } from '#infrastructure/in-memory/shared/in-memory-aggregate-store';

export class InMemoryUserRepository implements UserRepository {
  readonly store: InMemoryAggregateStore<UserSnapshot>;

  constructor(ids: IdGenerator, dispatcher?: OutboxDispatcher) {
    this.store = new InMemoryAggregateStore('User', ids, dispatcher, { emailKey: (s) => Email.normalize(s.email) });
  }

  async save(user: User, meta: EventMetadata): Promise<void> {
    await this.store.save(user, user.toSnapshot(), meta);
  }

  async findById(id: string): Promise<User | null> {
    return this.store.find(id, User.rehydrate);
  }

  async findByEmail(email: string): Promise<User | null> {
    const key = Email.normalize(email);
    return this.store.findWhere((s) => Email.normalize(s.email) === key, User.rehydrate);
  }
}

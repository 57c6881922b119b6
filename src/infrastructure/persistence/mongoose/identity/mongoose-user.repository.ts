import type { Connection, Model } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import { Email } from '#domain/identity/user/email.vo';
import type { User } from '#domain/identity/user/user.aggregate';
import type { UserRepository } from '#domain/identity/user/user.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { userMapper, type UserDocument } from '#infrastructure/persistence/mongoose/identity/user.mapper';
import { userModel } from '#infrastructure/persistence/mongoose/identity/user.schema';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

const WITHOUT_OUTBOX = { projection: { outbox: 0 } };

@injectable()
export class MongooseUserRepository implements UserRepository {
  private readonly model: Model<any>;

  constructor(
    @inject(MongooseConnection) connection: Connection,
    @inject(MongooseAggregateWriter) private readonly writer: MongooseAggregateWriter,
  ) {
    this.model = userModel(connection);
  }

  async save(user: User, meta: EventMetadata): Promise<void> {
    const snapshot = user.toSnapshot();
    await this.writer.save(this.model, user, snapshot.id, userMapper.toState(snapshot), meta);
  }

  async findById(id: string): Promise<User | null> {
    return this.one({ _id: String(id) });
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.one({ emailKey: Email.normalize(String(email)) });
  }

  private async one(filter: Record<string, unknown>): Promise<User | null> {
    const doc = await this.model.collection.findOne<UserDocument>(filter, WITHOUT_OUTBOX);
    return doc ? userMapper.toDomain(doc) : null;
  }
}

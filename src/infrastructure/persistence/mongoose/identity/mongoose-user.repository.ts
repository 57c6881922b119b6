import type { Connection } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import { Email } from '#domain/identity/user/email.vo';
import type { User, UserSnapshot } from '#domain/identity/user/user.aggregate';
import type { UserRepository } from '#domain/identity/user/user.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { userMapper, type UserDocument } from '#infrastructure/persistence/mongoose/identity/user.mapper';
import { userModel } from '#infrastructure/persistence/mongoose/identity/user.schema';
import { AggregateDocuments } from '#infrastructure/persistence/mongoose/shared/aggregate-documents';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

@injectable()
export class MongooseUserRepository implements UserRepository {
  private readonly users: AggregateDocuments<UserDocument, User, UserSnapshot>;

  constructor(@inject(MongooseConnection) connection: Connection, @inject(MongooseAggregateWriter) writer: MongooseAggregateWriter) {
    this.users = new AggregateDocuments(userModel(connection), writer, userMapper);
  }

  async save(user: User, meta: EventMetadata): Promise<void> {
    await this.users.save(user, meta);
  }

  async findById(id: string): Promise<User | null> {
    return this.users.findOne({ _id: String(id) });
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ emailKey: Email.normalize(String(email)) });
  }
}

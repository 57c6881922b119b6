import type { Connection, Model } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { FulfillmentCenter } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import type { FulfillmentCenterRepository } from '#domain/inventory/fulfillment-center/fulfillment-center.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { fulfillmentCenterModel } from '#infrastructure/persistence/mongoose/inventory/fulfillment-center.schema';
import { fulfillmentCenterMapper, type FulfillmentCenterDocument } from '#infrastructure/persistence/mongoose/inventory/fulfillment-center.mapper';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

const WITHOUT_OUTBOX = { projection: { outbox: 0 } };

@injectable()
export class MongooseFulfillmentCenterRepository implements FulfillmentCenterRepository {
  private readonly model: Model<any>;

  constructor(
    @inject(MongooseConnection) connection: Connection,
    @inject(MongooseAggregateWriter) private readonly writer: MongooseAggregateWriter,
  ) {
    this.model = fulfillmentCenterModel(connection);
  }

  async save(center: FulfillmentCenter, meta: EventMetadata): Promise<void> {
    const snapshot = center.toSnapshot();
    await this.writer.save(this.model, center, snapshot.id, fulfillmentCenterMapper.toState(snapshot), meta);
  }

  async findById(id: string): Promise<FulfillmentCenter | null> {
    return this.one({ _id: id });
  }

  async findByCode(code: string): Promise<FulfillmentCenter | null> {
    return this.one({ code: code.toUpperCase() });
  }

  async findAll(): Promise<FulfillmentCenter[]> {
    const docs = await this.model.collection.find<FulfillmentCenterDocument>({}, WITHOUT_OUTBOX).toArray();
    return docs.map(fulfillmentCenterMapper.toDomain);
  }

  private async one(filter: Record<string, unknown>): Promise<FulfillmentCenter | null> {
    const doc = await this.model.collection.findOne<FulfillmentCenterDocument>(filter, WITHOUT_OUTBOX);
    return doc ? fulfillmentCenterMapper.toDomain(doc) : null;
  }
}

import type { Connection } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { FulfillmentCenter, FulfillmentCenterSnapshot } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';
import type { FulfillmentCenterRepository } from '#domain/inventory/fulfillment-center/fulfillment-center.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { fulfillmentCenterModel } from '#infrastructure/persistence/mongoose/inventory/fulfillment-center.schema';
import { fulfillmentCenterMapper, type FulfillmentCenterDocument } from '#infrastructure/persistence/mongoose/inventory/fulfillment-center.mapper';
import { AggregateDocuments } from '#infrastructure/persistence/mongoose/shared/aggregate-documents';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

@injectable()
export class MongooseFulfillmentCenterRepository implements FulfillmentCenterRepository {
  private readonly centers: AggregateDocuments<FulfillmentCenterDocument, FulfillmentCenter, FulfillmentCenterSnapshot>;

  constructor(@inject(MongooseConnection) connection: Connection, @inject(MongooseAggregateWriter) writer: MongooseAggregateWriter) {
    this.centers = new AggregateDocuments(fulfillmentCenterModel(connection), writer, fulfillmentCenterMapper);
  }

  async save(center: FulfillmentCenter, meta: EventMetadata): Promise<void> {
    await this.centers.save(center, meta);
  }

  async findById(id: string): Promise<FulfillmentCenter | null> {
    return this.centers.findOne({ _id: id });
  }

  async findByCode(code: string): Promise<FulfillmentCenter | null> {
    return this.centers.findOne({ code: code.toUpperCase() });
  }

  async findAll(): Promise<FulfillmentCenter[]> {
    return this.centers.findMany({});
  }
}

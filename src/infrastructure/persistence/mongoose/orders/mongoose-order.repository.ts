import type { Connection, Model } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { Order, OrderSnapshot } from '#domain/orders/order/order.aggregate';
import type { OrderRepository } from '#domain/orders/order/order.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import type { OrderListFilter, OrderQueries } from '#application/orders/queries/order-queries.port';
import { toPage, type Page, type PageRequest } from '#application/shared/pagination';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { orderMapper, type OrderDocument } from '#infrastructure/persistence/mongoose/orders/order.mapper';
import { orderModel } from '#infrastructure/persistence/mongoose/orders/order.schema';
import { keysetAfter } from '#infrastructure/persistence/mongoose/shared/keyset';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

const WITHOUT_OUTBOX = { projection: { outbox: 0 } };

@injectable()
export class MongooseOrderRepository implements OrderRepository, OrderQueries {
  private readonly model: Model<any>;

  constructor(
    @inject(MongooseConnection) connection: Connection,
    @inject(MongooseAggregateWriter) private readonly writer: MongooseAggregateWriter,
  ) {
    this.model = orderModel(connection);
  }

  async save(order: Order, meta: EventMetadata): Promise<void> {
    const snapshot = order.toSnapshot();
    await this.writer.save(this.model, order, snapshot.id, orderMapper.toState(snapshot), meta);
  }

  async findById(id: string): Promise<Order | null> {
    return this.one({ _id: id });
  }

  async findBySubscriptionPeriod(subscriptionId: string, periodStart: Date): Promise<Order | null> {
    return this.one({ subscriptionId, periodStart });
  }

  async list(filter: OrderListFilter, page: PageRequest): Promise<Page<OrderSnapshot>> {
    const where: Record<string, unknown> = {};
    if (filter.userId) where.userId = filter.userId;
    if (filter.subscriptionId) where.subscriptionId = filter.subscriptionId;
    const docs = await this.model.collection
      .find<OrderDocument>(keysetAfter(where, page.after), WITHOUT_OUTBOX)
      .sort({ createdAt: -1, _id: -1 })
      .limit(page.limit + 1)
      .toArray();
    return toPage(docs.map(orderMapper.toSnapshot), page.limit, (s) => ({ createdAt: s.createdAt, id: s.id }));
  }

  private async one(filter: Record<string, unknown>): Promise<Order | null> {
    const doc = await this.model.collection.findOne<OrderDocument>(filter, WITHOUT_OUTBOX);
    return doc ? orderMapper.toDomain(doc) : null;
  }
}

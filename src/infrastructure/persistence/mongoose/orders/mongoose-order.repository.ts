import type { Connection } from 'mongoose';
import { inject, injectable } from 'tsyringe';
import type { Order, OrderSnapshot } from '#domain/orders/order/order.aggregate';
import type { OrderRepository } from '#domain/orders/order/order.repository';
import type { EventMetadata } from '#domain/shared/domain-event';
import type { OrderListFilter, OrderQueries } from '#application/orders/queries/order-queries.port';
import type { Page, PageRequest } from '#application/shared/pagination';
import { MongooseConnection } from '#infrastructure/di/tokens';
import { orderMapper, type OrderDocument } from '#infrastructure/persistence/mongoose/orders/order.mapper';
import { orderModel } from '#infrastructure/persistence/mongoose/orders/order.schema';
import { AggregateDocuments } from '#infrastructure/persistence/mongoose/shared/aggregate-documents';
import { findKeysetPage } from '#infrastructure/persistence/mongoose/shared/keyset-page';
import { MongooseAggregateWriter } from '#infrastructure/persistence/mongoose/shared/mongoose-aggregate-writer';

@injectable()
export class MongooseOrderRepository implements OrderRepository, OrderQueries {
  private readonly orders: AggregateDocuments<OrderDocument, Order, OrderSnapshot>;

  constructor(@inject(MongooseConnection) connection: Connection, @inject(MongooseAggregateWriter) writer: MongooseAggregateWriter) {
    this.orders = new AggregateDocuments(orderModel(connection), writer, orderMapper);
  }

  async save(order: Order, meta: EventMetadata): Promise<void> {
    await this.orders.save(order, meta);
  }

  async findById(id: string): Promise<Order | null> {
    return this.orders.findOne({ _id: id });
  }

  async findBySubscriptionPeriod(subscriptionId: string, periodStart: Date): Promise<Order | null> {
    return this.orders.findOne({ subscriptionId, periodStart });
  }

  async list(filter: OrderListFilter, page: PageRequest): Promise<Page<OrderSnapshot>> {
    const where: Record<string, unknown> = {};
    if (filter.userId) where.userId = filter.userId;
    if (filter.subscriptionId) where.subscriptionId = filter.subscriptionId;
    return findKeysetPage(this.orders.model, where, page, orderMapper.toSnapshot);
  }
}

import { OrderRepository } from '#domain/orders/order/order.repository';
import { OrderQueries } from '#application/orders/queries/order-queries.port';
import type { ModuleContext } from '#infrastructure/di/modules/module-context';
import { MongooseOrderRepository } from '#infrastructure/persistence/mongoose/orders/mongoose-order.repository';
import { orderModel } from '#infrastructure/persistence/mongoose/orders/order.schema';

/** Registers the orders context's adapters and Mongoose models. */
export function registerOrdersModule({ container, connection }: ModuleContext): void {
  orderModel(connection);
  container.registerSingleton(OrderRepository, MongooseOrderRepository);
  container.register(OrderQueries, { useToken: OrderRepository });
}

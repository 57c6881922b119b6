import { inject, injectable } from 'tsyringe';
import type { OrderSnapshot } from '#domain/orders/order/order.aggregate';
import { OrderRepository } from '#domain/orders/order/order.repository';
import { NotFoundError } from '#application/shared/application-error';
import type { Caller } from '#application/shared/use-case-context';

export type GetOrderErrors = NotFoundError;

/** One order, for its owner or an ADMIN (anyone else: not found). */
@injectable()
export class GetOrderUseCase {
  constructor(@inject(OrderRepository) private readonly orders: OrderRepository) {}

  async execute(input: { readonly caller: Caller; readonly orderId: string }): Promise<OrderSnapshot> {
    const order = (await this.orders.findById(input.orderId))?.toSnapshot();
    if (!order || (input.caller.role !== 'ADMIN' && order.userId !== input.caller.userId)) throw new NotFoundError('order', input.orderId);
    return order;
  }
}

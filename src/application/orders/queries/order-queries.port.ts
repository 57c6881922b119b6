import type { OrderSnapshot } from '#domain/orders/order/order.aggregate';
import type { Page, PageRequest } from '#application/shared/pagination';

export interface OrderListFilter {
  readonly userId?: string;
  readonly subscriptionId?: string;
}

/** Read side of orders: lists newest first on `(createdAt, id)`. */
export interface OrderQueries {
  list(filter: OrderListFilter, page: PageRequest): Promise<Page<OrderSnapshot>>;
}
export const OrderQueries = Symbol('OrderQueries');

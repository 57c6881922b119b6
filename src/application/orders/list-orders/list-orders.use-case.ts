import { inject, injectable } from 'tsyringe';
import type { OrderSnapshot } from '#domain/orders/order/order.aggregate';
import type { Page, PageRequest } from '#application/shared/pagination';
import type { Caller } from '#application/shared/use-case-context';
import { OrderQueries, type OrderListFilter } from '#application/orders/queries/order-queries.port';

/** A USER's own orders (filters naming someone else's give an empty list); an ADMIN's view of all. */
@injectable()
export class ListOrdersUseCase {
  constructor(@inject(OrderQueries) private readonly queries: OrderQueries) {}

  async execute(input: { readonly caller: Caller; readonly filter: OrderListFilter; readonly page: PageRequest }): Promise<Page<OrderSnapshot>> {
    const { caller, filter } = input;
    if (caller.role === 'ADMIN') return this.queries.list(filter, input.page);
    if (filter.userId !== undefined && filter.userId !== caller.userId) return { items: [], next: null };
    return this.queries.list({ ...filter, userId: caller.userId }, input.page);
  }
}

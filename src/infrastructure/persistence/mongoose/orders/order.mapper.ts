import { Order, type OrderSnapshot } from '#domain/orders/order/order.aggregate';

export interface OrderDocument extends Omit<OrderSnapshot, 'id'> {
  _id: string;
  version: number;
}

export const orderMapper = {
  toState({ id: _id, ...rest }: OrderSnapshot): Omit<OrderDocument, '_id' | 'version'> {
    return rest;
  },
  toSnapshot({ _id, version: _version, ...rest }: OrderDocument): OrderSnapshot {
    return { id: _id, ...rest };
  },
  toDomain(document: OrderDocument): Order {
    return Order.rehydrate(orderMapper.toSnapshot(document), document.version);
  },
};

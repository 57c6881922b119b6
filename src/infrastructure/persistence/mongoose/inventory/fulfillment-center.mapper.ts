import { FulfillmentCenter, type FulfillmentCenterSnapshot } from '#domain/inventory/fulfillment-center/fulfillment-center.aggregate';

export interface FulfillmentCenterDocument extends Omit<FulfillmentCenterSnapshot, 'id'> {
  _id: string;
  version: number;
}

export const fulfillmentCenterMapper = {
  toState({ id: _id, ...rest }: FulfillmentCenterSnapshot): Omit<FulfillmentCenterDocument, '_id' | 'version'> {
    return rest;
  },
  toDomain({ _id, version, ...rest }: FulfillmentCenterDocument): FulfillmentCenter {
    return FulfillmentCenter.rehydrate({ id: _id, ...rest }, version);
  },
};

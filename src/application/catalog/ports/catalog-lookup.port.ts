/**
 * What other contexts read from the catalog (subscriptions check a plan and product exist and are active; billing
 * prices a charge). Read-only views, so subscriptions never hold catalog aggregates.
 */
export interface PlanView {
  readonly id: string;
  readonly name: string;
  readonly amount: number;
  readonly currency: string;
  readonly interval: 'day' | 'week' | 'month' | 'year';
  readonly intervalCount: number;
  readonly trialDays: number;
  readonly active: boolean;
}

export interface ProductView {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly active: boolean;
}

export interface CatalogLookup {
  findPlan(id: string): Promise<PlanView | null>;
  findProduct(id: string): Promise<ProductView | null>;
}
export const CatalogLookup = Symbol('CatalogLookup');

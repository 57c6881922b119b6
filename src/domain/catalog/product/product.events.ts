import type { DomainEvent } from '#domain/shared/domain-event';

export const PRODUCT_CREATED = 'catalog.product.created';
export const PRODUCT_ARCHIVED = 'catalog.product.archived';

export type ProductCreatedEvent = DomainEvent<{ sku: string; name: string; description: string | null }>;
export type ProductArchivedEvent = DomainEvent<{ sku: string }>;

import { USER_REGISTERED, USER_ROLE_CHANGED } from '#domain/identity/user/user.events';
import { auditEntryFrom, type EventRoutes } from '#infrastructure/messaging/event-route';

/**
 * Identity events: where each goes (audit entries and jobs). Login outcomes have no aggregate and are not here:
 * the login use case appends them to the audit log directly (DESIGN.md D3).
 */
export const identityEventRoutes: EventRoutes = {
  [USER_REGISTERED]: {
    audit: (e) => auditEntryFrom(e, { type: 'user.registered', subject: { type: 'user', id: e.aggregateId }, refs: { userId: e.aggregateId }, data: e.payload }),
  },
  [USER_ROLE_CHANGED]: {
    audit: (e) => auditEntryFrom(e, { type: 'user.role_changed', subject: { type: 'user', id: e.aggregateId }, refs: { userId: e.aggregateId }, data: e.payload }),
  },
};

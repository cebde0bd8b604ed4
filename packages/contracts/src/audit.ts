import { z } from 'zod';
import { Cursor, Id, Instant, Limit } from './common.js';

export const auditActions = [
  'customers.erased',
  'customers.bulk_read',
  'customers.exported',
  'visits.exported',
  'users.created',
  'users.role_changed',
  'users.deactivated',
  'tenant.settings_changed',
  'imports.customers',
  'imports.visits',
  'analytics.refresh_requested',
  'analytics.at_risk_exported',
  'segments.created',
  'segments.changed',
  'segments.archived',
  'templates.created',
  'templates.changed',
  'templates.archived',
  'channels.line_changed',
  'channels.email_changed',
  'broadcasts.created',
  'broadcasts.changed',
  'broadcasts.scheduled',
  'broadcasts.cancelled',
  'webhooks.created',
  'webhooks.changed',
  'webhooks.deleted',
  'journeys.created',
  'journeys.changed',
  'journeys.status_changed',
  'journeys.preset_installed',
] as const;
export const AuditAction = z.enum(auditActions);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEvent = z
  .object({
    id: Id,
    at: Instant,
    actorUserId: Id.nullable(),
    action: AuditAction,
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditListQuery = z.object({ action: AuditAction.optional(), cursor: Cursor, limit: Limit });
export type AuditListQuery = z.infer<typeof AuditListQuery>;

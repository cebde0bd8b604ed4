import { z } from 'zod';
import { Id, Instant } from './common.js';
import { Tenant } from './tenant.js';
import { User } from './users.js';
import { Permission } from './permissions.js';

export const LoginRequest = z
  .object({
    email: z.email().max(254),
    password: z.string().min(1).max(200),
    /** Only needed when the same email belongs to several businesses. */
    tenantId: Id.optional(),
  })
  .strict()
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

/** How much personal data this user sees: all, names without contact details, or none. */
export const PiiView = z.enum(['full', 'contactsMasked', 'none']).meta({ id: 'PiiView' });
export type PiiView = z.infer<typeof PiiView>;

export const LoginResponse = z
  .object({
    token: z.string(),
    expiresAt: Instant,
    user: User,
    tenant: Tenant,
    permissions: z.array(Permission),
    piiView: PiiView,
  })
  .meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const Me = z
  .object({ user: User, tenant: Tenant, sessionId: Id, permissions: z.array(Permission), piiView: PiiView })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const Session = z
  .object({
    id: Id,
    createdAt: Instant,
    expiresAt: Instant,
    lastSeenAt: Instant,
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof Session>;

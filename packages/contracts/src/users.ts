import { z } from 'zod';
import { Id, Instant } from './common.js';

export const roles = ['owner', 'manager', 'staff', 'analyst'] as const;
export const Role = z.enum(roles).meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;

export const Password = z.string().min(10, 'at least 10 characters').max(200);

export const User = z
  .object({
    id: Id,
    email: z.string().nullable(),
    name: z.string(),
    nameKana: z.string().nullable(),
    role: Role,
    canLogIn: z.boolean(),
    active: z.boolean(),
    storeIds: z.array(Id),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const UserCreate = z
  .object({
    name: z.string().trim().min(1).max(100),
    nameKana: z.string().trim().max(100).nullable().optional(),
    email: z.email().max(254).nullable().optional(),
    /** A stylist who never logs in has no password. */
    password: Password.nullable().optional(),
    role: Role,
    storeIds: z.array(Id).max(100).default([]),
  })
  .strict()
  .meta({ id: 'UserCreate' });
export type UserCreate = z.infer<typeof UserCreate>;

export const UserPatch = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    nameKana: z.string().trim().max(100).nullable().optional(),
    email: z.email().max(254).nullable().optional(),
    password: Password.nullable().optional(),
    role: Role.optional(),
    active: z.boolean().optional(),
    storeIds: z.array(Id).max(100).optional(),
  })
  .strict()
  .meta({ id: 'UserPatch' });
export type UserPatch = z.infer<typeof UserPatch>;

import { z } from 'zod';
import { Id, Instant } from './common.js';

export const attributeTypes = ['text', 'number', 'date', 'boolean', 'single_choice', 'multi_choice'] as const;
export const AttributeType = z.enum(attributeTypes).meta({ id: 'AttributeType' });
export type AttributeType = z.infer<typeof AttributeType>;

export const AttributeOption = z
  .object({
    value: z.string().trim().min(1).max(50),
    label: z.string().trim().min(1).max(100),
  })
  .meta({ id: 'AttributeOption' });
export type AttributeOption = z.infer<typeof AttributeOption>;

/** A key is what imports, templates and segments refer to; labels are for people. */
export const AttributeKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _; starts with a letter');

export const AttributeDefinition = z
  .object({
    id: Id,
    key: z.string(),
    label: z.string(),
    type: AttributeType,
    options: z.array(AttributeOption),
    position: z.number().int(),
    archived: z.boolean(),
    createdAt: Instant,
  })
  .meta({ id: 'AttributeDefinition' });
export type AttributeDefinition = z.infer<typeof AttributeDefinition>;

export const AttributeDefinitionCreate = z
  .object({
    key: AttributeKey,
    label: z.string().trim().min(1).max(100),
    type: AttributeType,
    options: z.array(AttributeOption).max(100).default([]),
    position: z.number().int().min(0).max(10_000).default(0),
  })
  .strict()
  .superRefine((def, ctx) => {
    const isChoice = def.type === 'single_choice' || def.type === 'multi_choice';
    if (isChoice && def.options.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice attribute needs options' });
    }
    if (!isChoice && def.options.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'only choice attributes have options' });
    }
    const values = def.options.map((o) => o.value);
    if (new Set(values).size !== values.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'option values must be unique' });
    }
  })
  .meta({ id: 'AttributeDefinitionCreate' });
export type AttributeDefinitionCreate = z.infer<typeof AttributeDefinitionCreate>;

/** The type and key cannot change: stored values and templates depend on them. */
export const AttributeDefinitionPatch = z
  .object({
    label: z.string().trim().min(1).max(100).optional(),
    options: z.array(AttributeOption).max(100).optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'AttributeDefinitionPatch' });
export type AttributeDefinitionPatch = z.infer<typeof AttributeDefinitionPatch>;

export const AttributeValue = z
  .union([z.string(), z.number(), z.boolean(), z.array(z.string())])
  .meta({ id: 'AttributeValue', description: 'text, number, YYYY-MM-DD, boolean, or option values' });
export type AttributeValue = z.infer<typeof AttributeValue>;

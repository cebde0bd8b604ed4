import type { MessageTemplateRepository, TemplateWrite } from '@kayoi/core';
import type { MessageTemplate, TemplateVariant } from '@kayoi/contracts';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Orm } from '../database.js';
import { guardConstraints, newId } from '../repositories/shared.js';
import { messageTemplates } from '../schema.js';

type TemplateRow = typeof messageTemplates.$inferSelect;

const toTemplate = (r: TemplateRow): MessageTemplate => ({
  id: r.id,
  name: r.name,
  channel: r.channel,
  ja: { body: r.bodyJa, subject: r.subjectJa, text: r.textJa },
  en: r.bodyEn === null ? null : { body: r.bodyEn, subject: r.subjectEn, text: r.textEn },
  archived: r.archivedAt !== null,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
  updatedAt: r.updatedAt.toISOString(),
  updatedBy: r.updatedBy,
});

/** Variants are columns, not jsonb, so a body can be searched and its size seen in SQL. */
function columnsOf(input: Partial<TemplateWrite>) {
  const ja = (v: TemplateVariant) => ({ bodyJa: v.body, subjectJa: v.subject ?? null, textJa: v.text ?? null });
  const en = (v: TemplateVariant | null) => ({
    bodyEn: v?.body ?? null,
    subjectEn: v?.subject ?? null,
    textEn: v?.text ?? null,
  });
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.channel !== undefined ? { channel: input.channel } : {}),
    ...(input.ja !== undefined ? ja(input.ja) : {}),
    ...(input.en !== undefined ? en(input.en) : {}),
  };
}

/** Message templates of one tenant. */
export function templateRepository(orm: Orm, tenantId: string): MessageTemplateRepository {
  const scope = (id: string) => and(eq(messageTemplates.tenantId, tenantId), eq(messageTemplates.id, id));
  return {
    async list({ includeArchived }) {
      const rows = await orm
        .select()
        .from(messageTemplates)
        .where(
          and(
            eq(messageTemplates.tenantId, tenantId),
            includeArchived ? undefined : isNull(messageTemplates.archivedAt),
          ),
        )
        .orderBy(asc(messageTemplates.name), asc(messageTemplates.id));
      return rows.map(toTemplate);
    },
    async findById(id) {
      const [row] = await orm.select().from(messageTemplates).where(scope(id));
      return row ? toTemplate(row) : null;
    },
    async insert(input, actorUserId) {
      const [row] = await guardConstraints(
        orm
          .insert(messageTemplates)
          .values({
            tenantId,
            id: newId(),
            name: input.name,
            channel: input.channel,
            bodyJa: input.ja.body,
            ...columnsOf(input),
            createdBy: actorUserId,
            updatedBy: actorUserId,
          })
          .returning(),
      );
      return toTemplate(row!);
    },
    async update(id, patch, actorUserId) {
      const { archived, ...fields } = patch;
      const [row] = await guardConstraints(
        orm
          .update(messageTemplates)
          .set({
            ...columnsOf(fields),
            ...(archived === undefined ? {} : { archivedAt: archived ? sql`coalesce(archived_at, now())` : null }),
            updatedAt: new Date(),
            updatedBy: actorUserId,
          })
          .where(scope(id))
          .returning(),
      );
      return row ? toTemplate(row) : null;
    },
  };
}

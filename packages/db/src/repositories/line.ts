import type { LineRepository } from '@kayoi/core';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Orm } from '../database.js';
import { customers, lineChannelSettings, lineLinkCodes, lineWebhookEvents } from '../schema.js';
import { newId } from './shared.js';

/** LINE settings, received webhook events and link codes of one tenant. */
export function lineRepository(orm: Orm, tenantId: string): LineRepository {
  const liveCode = (codeHash: string, now: Date) =>
    and(
      eq(lineLinkCodes.tenantId, tenantId),
      eq(lineLinkCodes.codeHash, codeHash),
      isNull(lineLinkCodes.usedAt),
      gt(lineLinkCodes.expiresAt, now),
    );
  return {
    async credentials() {
      const [row] = await orm.select().from(lineChannelSettings).where(eq(lineChannelSettings.tenantId, tenantId));
      if (!row) return null;
      const { channelId, channelSecret, channelAccessToken, updatedAt } = row;
      return { channelId, channelSecret, channelAccessToken, updatedAt };
    },
    async saveCredentials(credentials, at, actorUserId) {
      const values = { ...credentials, updatedAt: at, updatedBy: actorUserId };
      await orm
        .insert(lineChannelSettings)
        .values({ tenantId, ...values })
        .onConflictDoUpdate({ target: [lineChannelSettings.tenantId], set: values });
    },
    async recordWebhookEvent(event) {
      const rows = await orm
        .insert(lineWebhookEvents)
        .values({ tenantId, ...event, outcome: 'received' })
        .onConflictDoNothing({ target: [lineWebhookEvents.tenantId, lineWebhookEvents.webhookEventId] })
        .returning({ id: lineWebhookEvents.webhookEventId });
      return rows.length > 0;
    },
    async setWebhookEventOutcome(webhookEventId, outcome) {
      await orm
        .update(lineWebhookEvents)
        .set({ outcome })
        .where(and(eq(lineWebhookEvents.tenantId, tenantId), eq(lineWebhookEvents.webhookEventId, webhookEventId)));
    },
    async findCustomerIdByLineUserId(lineUserId) {
      const [row] = await orm
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.tenantId, tenantId), eq(customers.lineUserId, lineUserId), isNull(customers.erasedAt)));
      return row?.id ?? null;
    },
    async insertLinkCode(code) {
      await orm.insert(lineLinkCodes).values({ tenantId, id: newId(), ...code });
    },
    async checkLiveLinkCode(codeHash, now) {
      const [row] = await orm
        .select({ id: lineLinkCodes.id })
        .from(lineLinkCodes)
        .where(liveCode(codeHash, now))
        .limit(1);
      return row !== undefined;
    },
    async consumeLinkCode(codeHash, now) {
      const [row] = await orm
        .select({ id: lineLinkCodes.id, customerId: lineLinkCodes.customerId })
        .from(lineLinkCodes)
        .where(liveCode(codeHash, now))
        .orderBy(desc(lineLinkCodes.createdAt))
        .limit(1);
      if (!row) return null;
      // The used_at condition again: of two deliveries racing for one code, only one wins.
      const used = await orm
        .update(lineLinkCodes)
        .set({ usedAt: now })
        .where(and(eq(lineLinkCodes.tenantId, tenantId), eq(lineLinkCodes.id, row.id), isNull(lineLinkCodes.usedAt)))
        .returning({ id: lineLinkCodes.id });
      return used.length > 0 ? row.customerId : null;
    },
  };
}

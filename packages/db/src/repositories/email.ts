import type { EmailRepository } from '@kayoi/core';
import { eq } from 'drizzle-orm';
import type { Orm } from '../database.js';
import { emailChannelSettings } from '../schema.js';

/** Email sender and SMTP settings of one tenant. */
export function emailRepository(orm: Orm, tenantId: string): EmailRepository {
  return {
    async settings() {
      const [row] = await orm.select().from(emailChannelSettings).where(eq(emailChannelSettings.tenantId, tenantId));
      if (!row) return null;
      const { tenantId: _tenant, updatedBy: _by, ...record } = row;
      return record;
    },
    async saveSettings(settings, at, actorUserId) {
      const values = { ...settings, updatedAt: at, updatedBy: actorUserId };
      await orm
        .insert(emailChannelSettings)
        .values({ tenantId, ...values })
        .onConflictDoUpdate({ target: [emailChannelSettings.tenantId], set: values });
    },
  };
}

import type { DataStore, TenantRepos } from '@kayoi/core';
import { modelRunRepository } from './analytics/modelRuns.js';
import { scoreQueries } from './analytics/scoreQueries.js';
import type { Database, Orm } from './database.js';
import {
  auditRepository,
  sessionRepository,
  tenantDirectory,
  tenantRepository,
  userRepository,
} from './repositories/accounts.js';
import { customerRepository } from './repositories/customers.js';
import { lineRepository } from './repositories/line.js';
import { emailRepository } from './repositories/email.js';
import {
  adSpendRepository,
  attributeRepository,
  catalogRepository,
  channelRepository,
  storeRepository,
} from './repositories/referenceData.js';
import { visitRepository } from './repositories/visits.js';
import { segmentRepository } from './segments/segmentRepository.js';
import { templateRepository } from './templates/templateRepository.js';
import { campaignRepository } from './delivery/campaignRepository.js';
import { webhookRepository } from './webhooks/webhookRepository.js';
import { journeyRepository } from './journeys/journeyRepository.js';

/** Every repository of one tenant over one executor (the pool, or a transaction). */
export function tenantRepos(orm: Orm, tenantId: string): TenantRepos {
  return {
    tenantId,
    tenant: tenantRepository(orm, tenantId),
    users: userRepository(orm, tenantId),
    sessions: sessionRepository(orm, tenantId),
    stores: storeRepository(orm, tenantId),
    catalog: catalogRepository(orm, tenantId),
    attributes: attributeRepository(orm, tenantId),
    channels: channelRepository(orm, tenantId),
    adSpend: adSpendRepository(orm, tenantId),
    customers: customerRepository(orm, tenantId),
    visits: visitRepository(orm, tenantId),
    audit: auditRepository(orm, tenantId),
    analytics: { ...modelRunRepository(orm, tenantId), ...scoreQueries(orm, tenantId) },
    segments: segmentRepository(orm, tenantId),
    templates: templateRepository(orm, tenantId),
    line: lineRepository(orm, tenantId),
    email: emailRepository(orm, tenantId),
    campaigns: campaignRepository(orm, tenantId),
    webhooks: webhookRepository(orm, tenantId),
    journeys: journeyRepository(orm, tenantId),
  };
}

export function createDataStore(db: Database): DataStore {
  return {
    directory: tenantDirectory(db.orm),
    forTenant: (tenantId) => tenantRepos(db.orm, tenantId),
    transaction: (tenantId, work) => db.orm.transaction((tx) => work(tenantRepos(tx as unknown as Orm, tenantId))),
  };
}

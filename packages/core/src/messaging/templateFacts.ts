import type { Tenant } from '@kayoi/contracts';
import { presentCustomer } from '../customers/masking.js';
import type { TenantRepos } from '../ports.js';
import type { Actor } from '../shared/actor.js';
import { failOrThrow } from '../shared/result.js';
import type { TemplateCustomerFacts, TemplateShopFacts } from './templates/index.js';

/**
 * Gathers what a template may show about one customer, through the viewer's masking: an
 * analyst's preview shows no name or attribute, exactly as the customer API would not.
 */
export async function loadTemplateFactsOrThrow(
  repos: TenantRepos,
  viewer: Pick<Actor, 'piiView'>,
  customerId: string,
): Promise<TemplateCustomerFacts> {
  const detail = await repos.customers.findById(customerId);
  if (!detail) failOrThrow('CUSTOMER_NOT_FOUND', { id: customerId });
  const customer = presentCustomer(detail, viewer.piiView);
  const [visit] = (await repos.visits.list({ customerId, status: 'completed', limit: 1 })).items;
  const score = await repos.analytics.customerScore(customerId);
  let lastVisit: TemplateCustomerFacts['lastVisit'] = null;
  if (visit) {
    // One after another: inside a transaction the repositories share one connection.
    const store = await repos.stores.findById(visit.storeId);
    const staff = visit.staffId ? await repos.users.findById(visit.staffId) : null;
    const services = visit.items.filter((i) => i.kind === 'service');
    lastVisit = {
      at: new Date(visit.startedAt),
      storeName: store?.name ?? null,
      staffName: staff?.name ?? null,
      serviceNames: (services.length > 0 ? services : visit.items).map((i) => i.name),
    };
  }
  return {
    familyName: customer.familyName,
    givenName: customer.givenName,
    familyNameKana: customer.familyNameKana,
    givenNameKana: customer.givenNameKana,
    visitCount: customer.stats.visitCount,
    attributes: customer.attributes,
    lastVisit,
    nextVisitFrom: score?.nextVisitFrom ?? null,
  };
}

export function templateShopFacts(tenant: Pick<Tenant, 'name' | 'timeZone'>): TemplateShopFacts {
  return { name: tenant.name, timeZone: tenant.timeZone };
}

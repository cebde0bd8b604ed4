import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnalyticsSettings } from '@kayoi/contracts';
import type { TenantRepos, VisitWrite } from '@kayoi/core';
import { loadAnalyticsInput } from '@kayoi/db';
import { parseDay } from '@kayoi/stats';
import { columns } from './customers.contract.js';
import type { ContractFixture } from './fixture.js';

type Line = VisitWrite['items'][number];

async function salon(repos: TenantRepos) {
  const store = await repos.stores.insert({ name: '本店' });
  const staff = await repos.users.insert({
    name: '佐藤',
    nameKana: null,
    email: null,
    passwordHash: null,
    role: 'staff',
    active: true,
    storeIds: [store.id],
  });
  const cut = await repos.catalog.insert({ kind: 'service', name: 'カット', price: 5500, cost: 500 });
  const color = await repos.catalog.insert({ kind: 'service', name: 'カラー', price: 8000, cost: 1500 });
  const shampoo = await repos.catalog.insert({ kind: 'product', name: 'シャンプー', price: 3000, cost: 1200 });
  const line = (
    item: { id: string; kind: 'service' | 'product'; name: string },
    unitPrice: number,
    unitCost: number,
    quantity = 1,
  ): Line => ({
    itemId: item.id,
    kind: item.kind,
    name: item.name,
    category: null,
    quantity,
    unitPrice,
    discount: 0,
    amount: unitPrice * quantity,
    unitCost,
  });
  const visit = (
    customerId: string,
    at: string,
    items: Line[],
    status: 'completed' | 'voided' = 'completed',
  ): VisitWrite => {
    const total = items.reduce((sum, l) => sum + l.amount, 0);
    return {
      customerId,
      storeId: store.id,
      staffId: staff.id,
      startedAt: new Date(at),
      status,
      subtotal: total,
      discount: 0,
      total,
      note: null,
      externalId: null,
      source: 'counter',
      items,
      payments: [{ method: 'card', amount: total }],
    };
  };
  return { store, staff, cut, color, shampoo, line, visit };
}

/**
 * The refresh's reader against rows written through the repositories: what each visit is
 * worth, which service it opened with and on which local day, checked by hand — across page
 * boundaries, since lines are read by a range of visit ids per page.
 */
export function analyticsInputContract(f: ContractFixture) {
  describe('analytics input', () => {
    it('reads completed visits with their local day, revenue, profit and first service, on every page size', async () => {
      const repos = await f.newTenant();
      const s = await salon(repos);
      const a = await repos.customers.insert(columns({ familyName: '山田' }));
      const b = await repos.customers.insert(columns({ familyName: '鈴木' }));
      const never = await repos.customers.insert(columns({ familyName: '未来' }));
      const expected = new Map<
        string,
        { customer: string; day: number; revenue: number; profit: number; service: string | null }
      >();
      const add = async (customerId: string, at: string, items: Line[], day: string, service: string | null) => {
        const v = await repos.visits.insert(s.visit(customerId, at, items));
        const revenue = items.reduce((sum, l) => sum + l.amount, 0);
        const cost = items.reduce((sum, l) => sum + (l.unitCost ?? 0) * l.quantity, 0);
        expected.set(v.id, { customer: customerId, day: parseDay(day)!, revenue, profit: revenue - cost, service });
      };
      // 00:30 in Tokyo on 11 January is still 10 January in UTC.
      await add(
        a.id,
        '2025-01-10T15:30:00Z',
        [s.line(s.shampoo, 3000, 1200, 2), s.line(s.cut, 5500, 500)],
        '2025-01-11',
        s.cut.id,
      );
      await add(
        a.id,
        '2025-03-02T02:00:00Z',
        [s.line(s.color, 8000, 1500), s.line(s.cut, 5500, 500)],
        '2025-03-02',
        s.color.id,
      );
      await add(b.id, '2025-02-01T05:00:00Z', [s.line(s.shampoo, 3000, 1200)], '2025-02-01', null);
      await add(b.id, '2025-02-20T05:00:00Z', [s.line(s.cut, 5000, 0)], '2025-02-20', s.cut.id);
      await repos.visits.insert(s.visit(b.id, '2025-02-25T05:00:00Z', [s.line(s.color, 8000, 1500)], 'voided'));
      // Another business's visits never enter this one's input.
      const other = await f.newTenant('Other');
      const o = await salon(other);
      const stranger = await other.customers.insert(columns({ familyName: '他人' }));
      await other.visits.insert(o.visit(stranger.id, '2025-02-01T05:00:00Z', [o.line(o.cut, 5500, 500)]));

      for (const pageSize of [1, 2, 3, 20_000]) {
        const input = await loadAnalyticsInput(f.test.db, {
          tenantId: repos.tenantId,
          timeZone: 'Asia/Tokyo',
          endDate: '2025-03-31',
          settings: AnalyticsSettings.parse({}),
          earlierRuns: [],
          pageSize,
        });
        const v = input.visits;
        assert.deepEqual([...v.ids].sort(), [a.id, b.id, never.id].sort(), `customers, page size ${pageSize}`);
        assert.equal(v.day.length, expected.size, `visits, page size ${pageSize}`);
        const service = v.service ?? new Int32Array(v.day.length).fill(-1);
        const seen = [...v.day.keys()].map((i) => ({
          customer: v.ids[v.customer[i]!]!,
          day: v.day[i]!,
          revenue: v.revenue[i]!,
          profit: v.profit[i]!,
          service: service[i]! < 0 ? null : input.services.ids[service[i]!]!,
        }));
        const byDay = (x: { day: number }, y: { day: number }) => x.day - y.day;
        assert.deepEqual(seen.sort(byDay), [...expected.values()].sort(byDay), `page size ${pageSize}`);
        assert.equal(input.services.labels[input.services.ids.indexOf(s.color.id)], 'カラー');
      }
    });
  });
}

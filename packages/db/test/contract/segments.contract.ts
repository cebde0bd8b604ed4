import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { SegmentRule } from '@kayoi/contracts';
import {
  checkSegmentRule,
  loadSegmentVocabulary,
  planSegmentRule,
  segmentMemberIdPages,
  type TenantRepos,
} from '@kayoi/core';
import type { ContractFixture } from './fixture.js';
import { rejectsWithCode } from './fixture.js';
import { segmentCases } from './segmentCases.js';
import { SegmentOracle } from './segmentOracle.js';
import { INJECTION, NOW, TIME_ZONE } from './segmentScene.js';
import { writeScene, type SceneRefs } from './segmentSceneWriter.js';

interface Scene {
  repos: TenantRepos;
  refs: SceneRefs;
}

async function planFor(repos: TenantRepos, rule: SegmentRule, now = NOW, timeZone = TIME_ZONE) {
  const attributes = new Map((await repos.attributes.list()).map((d) => [d.id, d]));
  return planSegmentRule(rule, { now, timeZone, attributes });
}

/** Count, the first page of customers, and every member id paged two at a time. */
async function evaluate(repos: TenantRepos, rule: SegmentRule, now = NOW, timeZone = TIME_ZONE) {
  const plan = await planFor(repos, rule, now, timeZone);
  const count = await repos.segments.count(plan);
  const sample = (await repos.segments.customers(plan, { limit: 3 })).items.map((c) => c.id);
  const paged: string[] = [];
  for (let afterId: string | null = null; ;) {
    const ids = await repos.segments.memberIds(plan, { afterId, limit: 2 });
    paged.push(...ids);
    if (ids.length < 2) break;
    afterId = ids.at(-1)!;
  }
  return { count, sample, paged };
}

async function expectOracle(scene: Scene, cases: [string, SegmentRule][], now = NOW, timeZone = TIME_ZONE) {
  const oracle = new SegmentOracle(scene.refs, now, timeZone);
  const wrong: string[] = [];
  for (const [name, rule] of cases) {
    const expected = oracle.members(rule);
    const got = await evaluate(scene.repos, rule, now, timeZone);
    const keys = (ids: string[]) =>
      ids.map((id) => Object.entries(scene.refs.customers).find(([, v]) => v === id)?.[0]);
    if (got.count !== expected.length || JSON.stringify(got.paged) !== JSON.stringify(expected)) {
      wrong.push(
        `${name}: expected ${JSON.stringify(keys(expected))}, got ${JSON.stringify(keys(got.paged))} (count ${got.count})`,
      );
    } else if (JSON.stringify(got.sample) !== JSON.stringify(expected.slice(0, 3))) {
      wrong.push(`${name}: sample ${JSON.stringify(keys(got.sample))} is not the first three in order`);
    }
  }
  assert.deepEqual(wrong, []);
}

export function segmentContract(f: ContractFixture) {
  describe('segments', () => {
    let scene: Scene;
    let other: Scene;
    before(async () => {
      scene = await writeScene(f.store, f.test.db.orm);
      other = await writeScene(f.store, f.test.db.orm, 'Other salon');
    });

    it('matches what the rows say for every condition kind, operator and grouping (count, sample, paging)', async () => {
      const cases = segmentCases(scene.refs);
      assert.ok(cases.length > 120);
      await expectOracle(scene, cases);
    });

    it('reads days and months in the business time zone', async () => {
      const at = (rule: SegmentRule, now = NOW, timeZone = TIME_ZONE) => evaluate(scene.repos, rule, now, timeZone);
      const keys = (ids: string[]) =>
        ids.map((id) => Object.entries(scene.refs.customers).find(([, v]) => v === id)?.[0]).sort();
      const onSep23: SegmentRule = { type: 'lastVisitDate', op: 'eq', value: '2026-09-23' };
      // 23:30 in Tokyo is the 23rd there; 00:30 on the 24th in Tokyo is the 23rd in UTC.
      assert.deepEqual(keys((await at(onSep23)).paged), ['hana']);
      assert.deepEqual(keys((await at(onSep23, NOW, 'UTC')).paged), ['hana', 'taro']);
      const birthdayThisMonth: SegmentRule = { type: 'birthdayMonth', op: 'eq', value: 'thisMonth' };
      const lateNov30 = new Date('2026-11-30T14:30:00Z'); // 23:30 on 30 November in Tokyo
      const earlyDec1 = new Date('2026-11-30T15:30:00Z'); // 00:30 on 1 December in Tokyo
      assert.deepEqual(keys((await at(birthdayThisMonth, lateNov30)).paged), ['aki', 'taro']);
      assert.deepEqual(keys((await at(birthdayThisMonth, earlyDec1)).paged), ['mei']);
      const cases = segmentCases(scene.refs).filter(([name]) =>
        /day|visit|birthday|age|today|week|new|month/i.test(name),
      );
      for (const now of [lateNov30, earlyDec1]) await expectOracle(scene, cases, now);
      await expectOracle(scene, cases, NOW, 'UTC');
      await expectOracle(scene, cases, NOW, 'America/Los_Angeles');
    });

    it('treats values that look like SQL as plain values', async () => {
      const before = await f.test.db.query<{ n: number }>('select count(*)::int as n from customers');
      const tagged = await evaluate(scene.repos, { type: 'tag', op: 'has', value: INJECTION });
      assert.deepEqual(tagged.paged, [scene.refs.customers.sora]);
      for (const value of [
        "x' or 1=1 --",
        "'; delete from customers; --",
        '$1',
        '%',
        "\\'",
        '"',
        ')::text; select 1; --',
      ]) {
        for (const rule of [
          { type: 'area', op: 'eq', value },
          { type: 'tag', op: 'has', value },
          { type: 'category', op: 'in', value: [value] },
          { type: 'attribute', attributeId: scene.refs.attributes.memo, op: 'in', value: [value] },
        ] as SegmentRule[]) {
          assert.equal((await evaluate(scene.repos, rule)).count, 0, JSON.stringify(rule));
        }
      }
      assert.deepEqual(await f.test.db.query('select count(*)::int as n from customers'), before);
    });

    it('sees only its own business: another one’s ids match nothing and are refused when checked', async () => {
      const theirs = other.refs;
      const rules: SegmentRule[] = [
        { type: 'store', op: 'in', value: [theirs.stores.main, theirs.stores.branch] },
        { type: 'staff', op: 'eq', value: theirs.staff.aoi },
        { type: 'item', op: 'eq', value: theirs.items.cut },
        { type: 'acquisitionChannel', op: 'in', value: [theirs.channels.ig, theirs.channels.hp] },
        { type: 'attribute', attributeId: theirs.attributes.hair, op: 'exists', value: true },
      ];
      const attributes = new Map((await other.repos.attributes.list()).map((d) => [d.id, d]));
      for (const rule of rules) {
        // Planned with their attribute definitions, run in our business: still nobody.
        const plan = planSegmentRule(rule, { now: NOW, timeZone: TIME_ZONE, attributes });
        assert.equal(await scene.repos.segments.count(plan), 0, JSON.stringify(rule));
        assert.equal((await other.repos.segments.count(plan)) > 0, true, JSON.stringify(rule));
      }
      const checked = checkSegmentRule({ type: 'and', rules }, await loadSegmentVocabulary(scene.repos));
      assert.equal(checked.ok, false);
      const problems = !checked.ok
        ? (checked.error.details as { problems: { path: string; problem: string }[] }).problems
        : [];
      assert.deepEqual(
        problems.map((p) => `${p.path} ${p.problem}`),
        [
          'rule.rules.0.value.0 unknown_store',
          'rule.rules.0.value.1 unknown_store',
          'rule.rules.1.value unknown_staff',
          'rule.rules.2.value unknown_item',
          'rule.rules.3.value.0 unknown_channel',
          'rule.rules.3.value.1 unknown_channel',
          'rule.rules.4.attributeId unknown_attribute',
        ],
      );
      const all = await evaluate(scene.repos, { type: 'and', rules: [] });
      assert.deepEqual(
        all.paged,
        Object.values(scene.refs.customers)
          .filter((id) => id !== scene.refs.customers.gone)
          .sort(),
      );
    });

    it('saves segments: names unique among live segments of a business, archiving frees a name', async () => {
      const repos = scene.repos;
      const rule: SegmentRule = { type: 'visitCount', op: 'gte', value: 2 };
      const created = await repos.segments.insert({ name: '常連', description: null, rule }, null);
      assert.deepEqual(await repos.segments.findById(created.id), created);
      assert.deepEqual(created.rule, rule);
      await rejectsWithCode(repos.segments.insert({ name: '常連', description: 'again', rule }, null), 'NAME_TAKEN');
      const theirs = await other.repos.segments.insert({ name: '常連', description: null, rule }, null);
      assert.equal(await repos.segments.findById(theirs.id), null);
      assert.equal(await repos.segments.update(theirs.id, { name: '乗っ取り' }, null), null);
      assert.equal((await other.repos.segments.findById(theirs.id))?.name, '常連');
      const archived = await repos.segments.update(created.id, { archived: true }, null);
      assert.equal(archived?.archived, true);
      assert.equal(
        (await repos.segments.list({ includeArchived: false })).some((s) => s.id === created.id),
        false,
      );
      assert.equal(
        (await repos.segments.list({ includeArchived: true })).some((s) => s.id === created.id),
        true,
      );
      const again = await repos.segments.insert({ name: '常連', description: null, rule }, null);
      await rejectsWithCode(repos.segments.update(created.id, { archived: false }, null), 'NAME_TAKEN');
      // A saved segment's members, page by page, as a broadcast will read them.
      const pages: string[][] = [];
      for await (const page of segmentMemberIdPages({ repos, now: NOW, timeZone: TIME_ZONE }, again.id, 2)) {
        pages.push(page);
      }
      assert.deepEqual(pages.flat(), new SegmentOracle(scene.refs, NOW, TIME_ZONE).members(rule));
      assert.ok(pages.length >= 3 && pages.every((p) => p.length <= 2));
      const renamed = await repos.segments.update(again.id, { name: '常連（新）', description: '説明' }, null);
      assert.deepEqual([renamed?.name, renamed?.description], ['常連（新）', '説明']);
      assert.deepEqual(
        (await repos.segments.list({ includeArchived: false })).map((s) => s.name),
        ['常連（新）'],
      );
    });
  });
}

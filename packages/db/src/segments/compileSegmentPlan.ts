import type { InstantTest, PlanValue, ProfileColumn, ScoreColumn, SegmentPlan, ValueTest } from '@kayoi/core';
import { sql, type SQL } from 'drizzle-orm';

/**
 * A segment plan as one SQL predicate over `customers c`. Every value is a bound parameter;
 * the only SQL text chosen here comes from fixed tables below (column names, casts), never
 * from the rule. Every table a subquery reads is filtered by the tenant id, which is also a
 * parameter. Behaviour is tested with EXISTS subqueries, which PostgreSQL turns into
 * semi-joins over the tenant-led indexes.
 *
 * NULL stands for "no value" and behaves as false under and/or; `not` is compiled as
 * "is not true", so a negated condition includes the customers without a value and `not`
 * is always the exact complement.
 */
type Cast = 'text' | 'int' | 'float8' | 'date' | 'uuid' | 'numeric' | 'boolean';

const profileColumns: Record<ProfileColumn, { expr: SQL; cast: Cast }> = {
  gender: { expr: sql`c.gender`, cast: 'text' },
  area: { expr: sql`c.area`, cast: 'text' },
  birthYear: { expr: sql`c.birth_year`, cast: 'int' },
  birthdayMonth: { expr: sql`extract(month from c.birthday)::int`, cast: 'int' },
  acquisitionChannel: { expr: sql`c.acquisition_channel_id`, cast: 'uuid' },
  acquiredOn: { expr: sql`c.acquired_on`, cast: 'date' },
  visitCount: { expr: sql`c.visit_count`, cast: 'int' },
  revenueTotal: { expr: sql`c.revenue_total`, cast: 'int' },
};

const scoreColumns: Record<ScoreColumn, { expr: SQL; cast: Cast }> = {
  pAlive: { expr: sql`s.p_alive`, cast: 'float8' },
  predictedClv1y: { expr: sql`s.clv_1y`, cast: 'int' },
  rfmSegment: { expr: sql`s.segment`, cast: 'text' },
};

const visitTimeColumns = { firstVisitAt: sql`c.first_visit_at`, lastVisitAt: sql`c.last_visit_at` };

const bound = (value: PlanValue, cast: Cast) => sql`${value}::${sql.raw(cast)}`;
const boundList = (values: readonly PlanValue[], cast: Cast) => sql`${sql.param(values)}::${sql.raw(cast)}[]`;

const comparators = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** `expr op value` for every operator; NULL when expr is NULL (no value: no match). */
export function compileValueTest(expr: SQL, cast: Cast, test: ValueTest): SQL {
  switch (test.op) {
    case 'exists':
      return test.value ? sql`(${expr}) is not null` : sql`(${expr}) is null`;
    case 'between':
      return sql`(${expr}) between ${bound(test.value[0], cast)} and ${bound(test.value[1], cast)}`;
    case 'in':
      return sql`(${expr}) = any(${boundList(test.value, cast)})`;
    case 'notIn':
      return sql`(${expr}) <> all(${boundList(test.value, cast)})`;
    default:
      return sql`(${expr}) ${sql.raw(comparators[test.op])} ${bound(test.value, cast)}`;
  }
}

function compileInstantTest(expr: SQL, test: InstantTest): SQL {
  if (test.op === 'exists') return test.value ? sql`${expr} is not null` : sql`${expr} is null`;
  const ranges = test.ranges.map(({ from, to }) => {
    const parts = [
      from ? sql`${expr} >= ${from.toISOString()}::timestamptz` : null,
      to ? sql`${expr} < ${to.toISOString()}::timestamptz` : null,
    ].filter((p) => p !== null);
    return parts.length === 0 ? sql`${expr} is not null` : sql`(${sql.join(parts, sql` and `)})`;
  });
  const inside = sql`(${sql.join(ranges, sql` or `)})`;
  return test.inside ? inside : sql`(${expr} is not null and not ${inside})`;
}

export function segmentPredicate(tenantId: string, plan: SegmentPlan): SQL {
  const tenant = sql`${tenantId}::uuid`;
  const compile = (node: SegmentPlan): SQL => {
    switch (node.kind) {
      case 'and':
        return node.rules.length === 0 ? sql`true` : sql`(${sql.join(node.rules.map(compile), sql` and `)})`;
      case 'or':
        return node.rules.length === 0 ? sql`false` : sql`(${sql.join(node.rules.map(compile), sql` or `)})`;
      case 'not':
        return sql`((${compile(node.rule)}) is not true)`;
      case 'profile': {
        const { expr, cast } = profileColumns[node.column];
        return compileValueTest(expr, cast, node.test);
      }
      case 'age':
        return compileValueTest(ageExpression(node.today), 'int', node.test);
      case 'visitTime':
        return compileInstantTest(visitTimeColumns[node.column], node.test);
      case 'tag':
        return sql`c.tags @> array[${node.tag}::text]`;
      case 'consent':
        return consentPredicate(tenant, node);
      case 'attribute':
        return attributePredicate(tenant, node);
      case 'visited':
        return visitedPredicate(tenant, node);
      case 'visitTotal':
        return visitTotalPredicate(tenant, node);
      case 'score':
        return scorePredicate(tenant, node);
    }
  };
  return compile(plan);
}

/** Completed years on a local date: the year difference, less one before the birthday. */
function ageExpression(today: string): SQL {
  const day = sql`${today}::date`;
  return sql`(extract(year from ${day})::int - extract(year from c.birthday)::int
    - case when to_char(c.birthday, 'MMDD') > to_char(${day}, 'MMDD') then 1 else 0 end)`;
}

function consentPredicate(tenant: SQL, node: Extract<SegmentPlan, { kind: 'consent' }>): SQL {
  const row = sql`from customer_consents cc where cc.tenant_id = ${tenant} and cc.customer_id = c.id
    and cc.channel = ${node.channel}::text`;
  if (node.status === 'unknown') return sql`not exists (select 1 ${row})`;
  return sql`exists (select 1 ${row} and cc.status = ${node.status}::text)`;
}

/** Attribute values are JSON; each type is read only from values of its JSON type. */
function attributePredicate(tenant: SQL, node: Extract<SegmentPlan, { kind: 'attribute' }>): SQL {
  const row = sql`from customer_attribute_values av where av.tenant_id = ${tenant} and av.customer_id = c.id
    and av.attribute_id = ${node.attributeId}::uuid`;
  const { test } = node;
  if (test.op === 'exists') return test.value ? sql`exists (select 1 ${row})` : sql`not exists (select 1 ${row})`;
  const textOf = (jsonType: string) => sql`case when jsonb_typeof(av.value) = ${jsonType} then av.value #>> '{}' end`;
  let predicate: SQL;
  switch (node.valueType) {
    case 'number':
      predicate = compileValueTest(sql`(${textOf('number')})::numeric`, 'numeric', test);
      break;
    case 'boolean':
      predicate = compileValueTest(sql`(${textOf('boolean')})::boolean`, 'boolean', test);
      break;
    // ISO dates compare correctly as text, and text never fails a cast.
    case 'date':
    case 'text':
      predicate = compileValueTest(textOf('string'), 'text', test);
      break;
    case 'multi':
      predicate = multiChoicePredicate(test);
      break;
  }
  return sql`exists (select 1 ${row} and ${predicate})`;
}

/** A multiple choice matches when one of its options does (eq, in), or none does (neq, notIn). */
function multiChoicePredicate(test: ValueTest): SQL {
  const wanted =
    test.op === 'eq' || test.op === 'neq' ? [test.value] : test.op === 'in' || test.op === 'notIn' ? test.value : [];
  const anyOf = sql`exists (select 1 from jsonb_array_elements_text(
      case when jsonb_typeof(av.value) = 'array' then av.value else '[]'::jsonb end) as opt(v)
    where opt.v = any(${boundList(wanted, 'text')}))`;
  return test.op === 'eq' || test.op === 'in' ? anyOf : sql`not ${anyOf}`;
}

const visitMatchColumns = { store: sql`v.store_id`, staff: sql`v.staff_id` };

function visitedPredicate(tenant: SQL, node: Extract<SegmentPlan, { kind: 'visited' }>): SQL {
  const { by, values } = node.match;
  const where: SQL[] = [sql`v.tenant_id = ${tenant}`, sql`v.customer_id = c.id`, sql`v.status = 'completed'`];
  if (node.since) where.push(sql`v.started_at >= ${node.since.toISOString()}::timestamptz`);
  if (by === 'store' || by === 'staff') where.push(sql`${visitMatchColumns[by]} = any(${boundList(values, 'uuid')})`);
  else {
    const line =
      by === 'item'
        ? sql`li.item_id = any(${boundList(values, 'uuid')})`
        : sql`li.category = any(${boundList(values, 'text')})`;
    where.push(
      sql`exists (select 1 from visit_line_items li where li.tenant_id = ${tenant} and li.visit_id = v.id and ${line})`,
    );
  }
  return sql`exists (select 1 from visits v where ${sql.join(where, sql` and `)})`;
}

/** Whether a customer with no visit in the window (a total of 0) passes the test. */
function acceptsZero(test: ValueTest): boolean {
  const v = test.value as number & readonly number[];
  switch (test.op) {
    case 'eq':
      return v === 0;
    case 'neq':
      return v !== 0;
    case 'gt':
      return 0 > v;
    case 'gte':
      return 0 >= v;
    case 'lt':
      return 0 < v;
    case 'lte':
      return 0 <= v;
    case 'between':
      return v[0]! <= 0 && 0 <= v[1]!;
    case 'in':
      return v.includes(0);
    case 'notIn':
      return !v.includes(0);
    case 'exists':
      return true;
  }
}

/**
 * Totals over a window, grouped once over the window's visits rather than summed per
 * customer (a correlated sum took seconds on a million customers). Customers without a
 * visit in the window total 0: when 0 passes, they are kept by excluding those whose total fails.
 */
function visitTotalPredicate(tenant: SQL, node: Extract<SegmentPlan, { kind: 'visitTotal' }>): SQL {
  const measure = node.measure === 'count' ? sql`count(*)::int` : sql`coalesce(sum(v.total), 0)::int`;
  const passes = compileValueTest(measure, 'int', node.test);
  const totals = (having: SQL) => sql`select v.customer_id from visits v where v.tenant_id = ${tenant}
    and v.status = 'completed' and v.started_at >= ${node.since.toISOString()}::timestamptz
    group by v.customer_id having ${having}`;
  return acceptsZero(node.test)
    ? sql`c.id not in (${totals(sql`(${passes}) is not true`)})`
    : sql`c.id in (${totals(passes)})`;
}

/** Scores of the newest succeeded run, as every analytics view reads them. */
function scorePredicate(tenant: SQL, node: Extract<SegmentPlan, { kind: 'score' }>): SQL {
  const latestRun = sql`(select r.id from model_runs r where r.tenant_id = ${tenant} and r.status = 'succeeded'
    order by r.finished_at desc, r.id desc limit 1)`;
  const row = sql`from customer_scores s where s.tenant_id = ${tenant} and s.run_id = ${latestRun}
    and s.customer_id = c.id`;
  const { expr, cast } = scoreColumns[node.column];
  // `exists` asks for a value (P(alive) is empty for customers with too little history).
  if (node.test.op === 'exists') {
    const scored = sql`exists (select 1 ${row} and ${expr} is not null)`;
    return node.test.value ? scored : sql`not ${scored}`;
  }
  return sql`exists (select 1 ${row} and ${compileValueTest(expr, cast, node.test)})`;
}

/**
 * The Kayoi schema. Rule: `tenant_id` leads every primary key, foreign key and unique
 * index, so a large installation can distribute every table on tenant_id (Citus-style)
 * and the database itself refuses a row that points into another tenant.
 * test/schemaRules.test.ts checks this against the live catalog.
 */
import type {
  AnalyticsResults,
  AnalyticsSettings,
  CampaignTemplates,
  JourneyDefinition,
  MessagingSettings,
  ModelDiagnostics,
  SegmentRule,
} from '@kayoi/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => instant('created_at').notNull().defaultNow();
const updatedAt = () => instant('updated_at').notNull().defaultNow();

export const tenants = pgTable('tenants', {
  tenantId: uuid('tenant_id').primaryKey(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Tokyo'),
  currency: text('currency').notNull().default('JPY'),
  settings: jsonb('settings')
    .$type<{
      staffCanSeeContacts?: boolean;
      analytics?: Partial<AnalyticsSettings>;
      messaging?: Partial<MessagingSettings>;
    }>()
    .notNull()
    .default({}),
  createdAt: createdAt(),
});

export const stores = pgTable(
  'stores',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    phone: text('phone'),
    archivedAt: instant('archived_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'stores_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
  ],
);

export const users = pgTable(
  'users',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    email: text('email'),
    name: text('name').notNull(),
    nameKana: text('name_kana'),
    role: text('role', { enum: ['owner', 'manager', 'staff', 'analyst'] }).notNull(),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    storeIds: uuid('store_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'users_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    uniqueIndex('users_tenant_email_key').on(t.tenantId, sql`lower(${t.email})`),
    // Login starts from an email alone; this is the one lookup that is not tenant-led.
    index('users_login_email_idx').on(sql`lower(${t.email})`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    revokedAt: instant('revoked_at'),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'sessions_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    index('sessions_user_idx').on(t.tenantId, t.userId),
  ],
);

export const acquisitionChannels = pgTable(
  'acquisition_channels',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('other'),
    archivedAt: instant('archived_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'acquisition_channels_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    uniqueIndex('acquisition_channels_name_key').on(t.tenantId, t.name),
  ],
);

export const adSpend = pgTable(
  'ad_spend',
  {
    tenantId: uuid('tenant_id').notNull(),
    channelId: uuid('channel_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    amount: integer('amount').notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.channelId, t.month] }),
    foreignKey({
      name: 'ad_spend_channel_fk',
      columns: [t.tenantId, t.channelId],
      foreignColumns: [acquisitionChannels.tenantId, acquisitionChannels.id],
    }),
  ],
);

export const catalogItems = pgTable(
  'catalog_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: ['service', 'product'] }).notNull(),
    name: text('name').notNull(),
    category: text('category'),
    price: integer('price').notNull(),
    cost: integer('cost').notNull().default(0),
    durationMinutes: integer('duration_minutes'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'catalog_items_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    uniqueIndex('catalog_items_name_key').on(t.tenantId, t.name),
  ],
);

export const attributeDefinitions = pgTable(
  'attribute_definitions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type', {
      enum: ['text', 'number', 'date', 'boolean', 'single_choice', 'multi_choice'],
    }).notNull(),
    options: jsonb('options').$type<{ value: string; label: string }[]>().notNull().default([]),
    position: integer('position').notNull().default(0),
    archivedAt: instant('archived_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'attribute_definitions_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    uniqueIndex('attribute_definitions_key_key').on(t.tenantId, t.key),
  ],
);

export const customers = pgTable(
  'customers',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    externalId: text('external_id'),
    familyName: text('family_name'),
    givenName: text('given_name'),
    familyNameKana: text('family_name_kana'),
    givenNameKana: text('given_name_kana'),
    email: text('email'),
    phone: text('phone'),
    lineUserId: text('line_user_id'),
    gender: text('gender', { enum: ['female', 'male', 'other', 'unspecified'] })
      .notNull()
      .default('unspecified'),
    birthday: date('birthday', { mode: 'string' }),
    // Kept after erasure (the birthday is not) so age-band statistics stay possible.
    birthYear: smallint('birth_year'),
    postalCode: text('postal_code'),
    area: text('area'),
    acquisitionChannelId: uuid('acquisition_channel_id'),
    acquiredOn: date('acquired_on', { mode: 'string' }),
    notes: text('notes'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Normalised name/kana/phone/email (NFKC, katakana→hiragana, lower case) for `q`.
    searchText: text('search_text').notNull().default(''),
    // Summary of completed visits, recomputed from visits in the same transaction.
    firstVisitAt: instant('first_visit_at'),
    lastVisitAt: instant('last_visit_at'),
    visitCount: integer('visit_count').notNull().default(0),
    revenueTotal: integer('revenue_total').notNull().default(0),
    erasedAt: instant('erased_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'customers_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    foreignKey({
      name: 'customers_acquisition_channel_fk',
      columns: [t.tenantId, t.acquisitionChannelId],
      foreignColumns: [acquisitionChannels.tenantId, acquisitionChannels.id],
    }),
    uniqueIndex('customers_external_id_key')
      .on(t.tenantId, t.externalId)
      .where(sql`external_id is not null`),
    uniqueIndex('customers_line_user_id_key')
      .on(t.tenantId, t.lineUserId)
      .where(sql`line_user_id is not null`),
    index('customers_phone_idx').on(t.tenantId, t.phone),
    index('customers_email_idx').on(t.tenantId, t.email),
    index('customers_kana_idx').on(t.tenantId, t.familyNameKana, t.givenNameKana, t.id),
    index('customers_last_visit_idx').on(t.tenantId, t.lastVisitAt, t.id),
    index('customers_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('customers_tags_idx').using('gin', t.tags),
  ],
);

export const customerAttributeValues = pgTable(
  'customer_attribute_values',
  {
    tenantId: uuid('tenant_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    attributeId: uuid('attribute_id').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.customerId, t.attributeId] }),
    foreignKey({
      name: 'customer_attribute_values_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'customer_attribute_values_attribute_fk',
      columns: [t.tenantId, t.attributeId],
      foreignColumns: [attributeDefinitions.tenantId, attributeDefinitions.id],
    }),
  ],
);

export const customerConsents = pgTable(
  'customer_consents',
  {
    tenantId: uuid('tenant_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    channel: text('channel', { enum: ['email', 'line', 'sms'] }).notNull(),
    status: text('status', { enum: ['granted', 'withdrawn'] }).notNull(),
    changedAt: instant('changed_at').notNull(),
    source: text('source').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.customerId, t.channel] }),
    foreignKey({
      name: 'customer_consents_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }).onDelete('cascade'),
  ],
);

/** Append-only: every consent change, so "when and how" is never overwritten. */
export const consentEvents = pgTable(
  'consent_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    channel: text('channel', { enum: ['email', 'line', 'sms'] }).notNull(),
    status: text('status', { enum: ['granted', 'withdrawn'] }).notNull(),
    at: instant('at').notNull(),
    source: text('source').notNull(),
    actorUserId: uuid('actor_user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'consent_events_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }).onDelete('cascade'),
    index('consent_events_customer_idx').on(t.tenantId, t.customerId, t.at),
  ],
);

export const visits = pgTable(
  'visits',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    storeId: uuid('store_id').notNull(),
    staffId: uuid('staff_id'),
    startedAt: instant('started_at').notNull(),
    status: text('status', { enum: ['completed', 'voided'] })
      .notNull()
      .default('completed'),
    subtotal: integer('subtotal').notNull(),
    discount: integer('discount').notNull().default(0),
    total: integer('total').notNull(),
    note: text('note'),
    externalId: text('external_id'),
    source: text('source', { enum: ['counter', 'import', 'demo', 'api'] }).notNull(),
    voidedAt: instant('voided_at'),
    voidReason: text('void_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'visits_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }),
    foreignKey({
      name: 'visits_store_fk',
      columns: [t.tenantId, t.storeId],
      foreignColumns: [stores.tenantId, stores.id],
    }),
    foreignKey({
      name: 'visits_staff_fk',
      columns: [t.tenantId, t.staffId],
      foreignColumns: [users.tenantId, users.id],
    }),
    uniqueIndex('visits_external_id_key')
      .on(t.tenantId, t.externalId)
      .where(sql`external_id is not null`),
    index('visits_customer_idx').on(t.tenantId, t.customerId, t.startedAt),
    index('visits_started_idx').on(t.tenantId, t.startedAt),
  ],
);

export const visitLineItems = pgTable(
  'visit_line_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    position: smallint('position').notNull(),
    itemId: uuid('item_id'),
    kind: text('kind', { enum: ['service', 'product'] }).notNull(),
    name: text('name').notNull(),
    category: text('category'),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    discount: integer('discount').notNull().default(0),
    amount: integer('amount').notNull(),
    // Cost at the time of sale, so gross profit does not move when the catalog changes.
    unitCost: integer('unit_cost').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.visitId, t.position] }),
    foreignKey({
      name: 'visit_line_items_visit_fk',
      columns: [t.tenantId, t.visitId],
      foreignColumns: [visits.tenantId, visits.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'visit_line_items_item_fk',
      columns: [t.tenantId, t.itemId],
      foreignColumns: [catalogItems.tenantId, catalogItems.id],
    }),
  ],
);

export const visitPayments = pgTable(
  'visit_payments',
  {
    tenantId: uuid('tenant_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    position: smallint('position').notNull(),
    method: text('method', { enum: ['cash', 'card', 'qr', 'prepaid', 'points', 'other'] }).notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.visitId, t.position] }),
    foreignKey({
      name: 'visit_payments_visit_fk',
      columns: [t.tenantId, t.visitId],
      foreignColumns: [visits.tenantId, visits.id],
    }),
  ],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    at: instant('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'audit_events_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    index('audit_events_at_idx').on(t.tenantId, t.at),
  ],
);

/**
 * One model refresh of a tenant: a durable job (queued → running → succeeded | failed) and,
 * once it succeeded, its diagnostics and every analytics view it computed. Runs are kept
 * for history; the newest succeeded run is what the analytics pages show.
 */
export const modelRuns = pgTable(
  'model_runs',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed'] }).notNull(),
    trigger: text('trigger', { enum: ['manual', 'nightly', 'cli'] }).notNull(),
    requestedBy: uuid('requested_by'),
    // The local day a nightly run is for: at most one per day, however many workers race.
    nightlyDate: date('nightly_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    attempts: smallint('attempts').notNull().default(0),
    createdAt: createdAt(),
    startedAt: instant('started_at'),
    heartbeatAt: instant('heartbeat_at'),
    finishedAt: instant('finished_at'),
    error: text('error'),
    diagnostics: jsonb('diagnostics').$type<ModelDiagnostics>(),
    results: jsonb('results').$type<AnalyticsResults>(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'model_runs_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    uniqueIndex('model_runs_nightly_key')
      .on(t.tenantId, t.nightlyDate)
      .where(sql`nightly_date is not null`),
    // One run waiting or running per tenant: asking again returns that run.
    uniqueIndex('model_runs_active_key')
      .on(t.tenantId)
      .where(sql`status in ('queued', 'running')`),
    index('model_runs_tenant_created_idx').on(t.tenantId, t.createdAt),
    // Workers look for work across tenants: the one lookup of this table not led by tenant_id.
    index('model_runs_queue_idx')
      .on(t.status, t.createdAt)
      .where(sql`status in ('queued', 'running')`),
  ],
);

/**
 * Every customer's scores from one run. A run writes its own rows, then becomes the newest
 * succeeded run, then the previous run's rows are deleted: readers never see a half-written
 * set, and the embedded database never holds one long write transaction.
 */
export const customerScores = pgTable(
  'customer_scores',
  {
    tenantId: uuid('tenant_id').notNull(),
    runId: uuid('run_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    pAlive: doublePrecision('p_alive'),
    pAlivePrevious: doublePrecision('p_alive_previous'),
    expectedVisits90: doublePrecision('expected_visits_90'),
    expectedVisits365: doublePrecision('expected_visits_365'),
    returnProbability90: doublePrecision('return_probability_90'),
    nextVisitFrom: date('next_visit_from', { mode: 'string' }),
    nextVisitTo: date('next_visit_to', { mode: 'string' }),
    clv1y: integer('clv_1y'),
    clv1yLow: integer('clv_1y_low'),
    clv1yHigh: integer('clv_1y_high'),
    clv3y: integer('clv_3y'),
    valueIfActive: integer('value_if_active'),
    historicalRevenue: integer('historical_revenue').notNull(),
    historicalProfit: integer('historical_profit').notNull(),
    visits: integer('visits').notNull(),
    firstVisitOn: date('first_visit_on', { mode: 'string' }).notNull(),
    lastVisitOn: date('last_visit_on', { mode: 'string' }).notNull(),
    recencyScore: smallint('recency_score').notNull(),
    frequencyScore: smallint('frequency_score').notNull(),
    segment: text('segment').notNull(),
    // Position in the at-risk list (1 = most valuable to win back); null when not at risk.
    atRiskRank: integer('at_risk_rank'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.runId, t.customerId] }),
    foreignKey({
      name: 'customer_scores_run_fk',
      columns: [t.tenantId, t.runId],
      foreignColumns: [modelRuns.tenantId, modelRuns.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'customer_scores_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }).onDelete('cascade'),
    index('customer_scores_at_risk_idx')
      .on(t.tenantId, t.runId, t.atRiskRank)
      .where(sql`at_risk_rank is not null`),
  ],
);

/**
 * A saved segment: a named rule over the tenant's customers, evaluated whenever it is
 * counted or sent to. The rule is jsonb in the shape of the SegmentRule contract; it is
 * checked against the tenant's attributes, stores, staff and catalog before it is saved.
 */
export const segments = pgTable(
  'segments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    rule: jsonb('rule').$type<SegmentRule>().notNull(),
    archivedAt: instant('archived_at'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'segments_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    foreignKey({
      name: 'segments_created_by_fk',
      columns: [t.tenantId, t.createdBy],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'segments_updated_by_fk',
      columns: [t.tenantId, t.updatedBy],
      foreignColumns: [users.tenantId, users.id],
    }),
    // Archived segments free their name for a new one.
    uniqueIndex('segments_name_key')
      .on(t.tenantId, t.name)
      .where(sql`archived_at is null`),
  ],
);

/**
 * A message template (Liquid): one channel, a Japanese body and an optional English one.
 * For email the body is HTML, with a subject and an optional plain-text part per language.
 * Bodies are parsed before they are saved; rendering happens per customer at send time.
 */
export const messageTemplates = pgTable(
  'message_templates',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    channel: text('channel').$type<'line_text' | 'line_flex' | 'email'>().notNull(),
    bodyJa: text('body_ja').notNull(),
    subjectJa: text('subject_ja'),
    textJa: text('text_ja'),
    bodyEn: text('body_en'),
    subjectEn: text('subject_en'),
    textEn: text('text_en'),
    archivedAt: instant('archived_at'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'message_templates_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    foreignKey({
      name: 'message_templates_created_by_fk',
      columns: [t.tenantId, t.createdBy],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'message_templates_updated_by_fk',
      columns: [t.tenantId, t.updatedBy],
      foreignColumns: [users.tenantId, users.id],
    }),
    check('message_templates_channel_check', sql`channel in ('line_text', 'line_flex', 'email')`),
    // Archived templates free their name for a new one.
    uniqueIndex('message_templates_name_key')
      .on(t.tenantId, t.name)
      .where(sql`archived_at is null`),
  ],
);

/**
 * One LINE Official Account per business. The secret and token are kept in the clear because
 * the server needs them back (HMAC key, bearer token); the API never returns them.
 */
export const lineChannelSettings = pgTable(
  'line_channel_settings',
  {
    tenantId: uuid('tenant_id').notNull(),
    channelId: text('channel_id').notNull(),
    channelSecret: text('channel_secret').notNull(),
    channelAccessToken: text('channel_access_token').notNull(),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    foreignKey({ name: 'line_channel_settings_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    foreignKey({
      name: 'line_channel_settings_updated_by_fk',
      columns: [t.tenantId, t.updatedBy],
      foreignColumns: [users.tenantId, users.id],
    }),
  ],
);

/** A business's sender and SMTP relay (issue 6). The password never leaves the server. */
export const emailChannelSettings = pgTable(
  'email_channel_settings',
  {
    tenantId: uuid('tenant_id').notNull(),
    fromName: text('from_name').notNull(),
    fromAddress: text('from_address').notNull(),
    replyTo: text('reply_to'),
    smtpHost: text('smtp_host').notNull(),
    smtpPort: integer('smtp_port').notNull(),
    smtpSecurity: text('smtp_security', { enum: ['tls', 'starttls', 'none'] }).notNull(),
    smtpUsername: text('smtp_username'),
    smtpPassword: text('smtp_password'),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    foreignKey({ name: 'email_channel_settings_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    foreignKey({
      name: 'email_channel_settings_updated_by_fk',
      columns: [t.tenantId, t.updatedBy],
      foreignColumns: [users.tenantId, users.id],
    }),
  ],
);

/** Every webhook event received once: LINE redelivers, and the key makes a redelivery a no-op. */
export const lineWebhookEvents = pgTable(
  'line_webhook_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    webhookEventId: text('webhook_event_id').notNull(),
    type: text('type').notNull(),
    lineUserId: text('line_user_id'),
    occurredAt: instant('occurred_at').notNull(),
    receivedAt: instant('received_at').notNull(),
    redelivery: boolean('redelivery').notNull().default(false),
    // What Kayoi did with it: 'consent_granted', 'linked', 'ignored', …
    outcome: text('outcome').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.webhookEventId] }),
    foreignKey({ name: 'line_webhook_events_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
  ],
);

/** One-time codes a customer sends to the LINE account to link it to their record. */
export const lineLinkCodes = pgTable(
  'line_link_codes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'line_link_codes_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'line_link_codes_created_by_fk',
      columns: [t.tenantId, t.createdBy],
      foreignColumns: [users.tenantId, users.id],
    }),
    index('line_link_codes_hash_idx').on(t.tenantId, t.codeHash),
  ],
);

/**
 * A message sent to many customers: a broadcast now, journeys later (issue 6). The audience
 * is the segment's members when sending starts; holdout and outcome are fixed before then.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: ['broadcast', 'journey'] }).notNull(),
    name: text('name').notNull(),
    // A broadcast's audience; journeys enrol customers one by one and have none.
    segmentId: uuid('segment_id'),
    templates: jsonb('templates').$type<CampaignTemplates>().notNull(),
    variantB: jsonb('variant_b').$type<CampaignTemplates>(),
    channelOrder: text('channel_order').array(),
    holdoutPercent: smallint('holdout_percent').notNull(),
    outcomeKind: text('outcome_kind', { enum: ['visit', 'revenue'] }).notNull(),
    outcomeDays: smallint('outcome_days').notNull(),
    status: text('status', { enum: ['draft', 'scheduled', 'preparing', 'sending', 'sent', 'cancelled'] })
      .notNull()
      .default('draft'),
    sendAt: instant('send_at'),
    // A worker preparing the audience holds this lease; another takes over when it lapses.
    leaseUntil: instant('lease_until'),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'campaigns_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    foreignKey({
      name: 'campaigns_segment_fk',
      columns: [t.tenantId, t.segmentId],
      foreignColumns: [segments.tenantId, segments.id],
    }),
    foreignKey({
      name: 'campaigns_created_by_fk',
      columns: [t.tenantId, t.createdBy],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'campaigns_updated_by_fk',
      columns: [t.tenantId, t.updatedBy],
      foreignColumns: [users.tenantId, users.id],
    }),
    index('campaigns_due_idx')
      .on(t.status, t.sendAt)
      .where(sql`status in ('scheduled', 'preparing')`),
  ],
);

/**
 * One message to one customer: the outbox the workers drain and the delivery log in one.
 * The idempotency key (campaign or journey step, customer) is unique, so preparing twice
 * queues nothing twice; it is also the provider's retry key, so sending twice delivers once.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    arm: text('arm', { enum: ['a', 'b', 'holdout'] }).notNull(),
    // A journey step's own templates; null = the campaign's (a broadcast's) templates.
    templates: jsonb('templates').$type<CampaignTemplates>(),
    channel: text('channel', { enum: ['line', 'email'] }),
    status: text('status', {
      enum: ['queued', 'sending', 'sent', 'failed', 'skipped', 'held_out', 'cancelled'],
    }).notNull(),
    reason: text('reason'),
    detail: text('detail'),
    notBefore: instant('not_before').notNull(),
    attempts: smallint('attempts').notNull().default(0),
    leaseUntil: instant('lease_until'),
    providerRef: text('provider_ref'),
    sentAt: instant('sent_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'deliveries_campaign_fk',
      columns: [t.tenantId, t.campaignId],
      foreignColumns: [campaigns.tenantId, campaigns.id],
    }),
    foreignKey({
      name: 'deliveries_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }).onDelete('cascade'),
    uniqueIndex('deliveries_idempotency_key').on(t.tenantId, t.idempotencyKey),
    // The workers' queue: only rows still to send are indexed.
    index('deliveries_queue_idx')
      .on(t.notBefore)
      .where(sql`status in ('queued', 'sending')`),
    index('deliveries_campaign_idx').on(t.tenantId, t.campaignId, t.status),
    index('deliveries_customer_idx').on(t.tenantId, t.customerId, t.createdAt),
  ],
);

/** A channel that failed for good for one customer (bounced address, blocked account): not tried again. */
export const channelSuppressions = pgTable(
  'channel_suppressions',
  {
    tenantId: uuid('tenant_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    channel: text('channel', { enum: ['line', 'email'] }).notNull(),
    reason: text('reason').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.customerId, t.channel] }),
    foreignKey({
      name: 'channel_suppressions_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }).onDelete('cascade'),
  ],
);

/** A link in a sent message, rewritten to /r/{token} so a click is counted before the redirect. */
export const trackedLinks = pgTable(
  'tracked_links',
  {
    tenantId: uuid('tenant_id').notNull(),
    token: text('token').notNull(),
    deliveryId: uuid('delivery_id').notNull(),
    url: text('url').notNull(),
    clicks: integer('clicks').notNull().default(0),
    firstClickAt: instant('first_click_at'),
    lastClickAt: instant('last_click_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.token] }),
    foreignKey({
      name: 'tracked_links_delivery_fk',
      columns: [t.tenantId, t.deliveryId],
      foreignColumns: [deliveries.tenantId, deliveries.id],
    }).onDelete('cascade'),
    index('tracked_links_delivery_idx').on(t.tenantId, t.deliveryId),
  ],
);

/**
 * A journey (step delivery, issue 6): its name, status and current version. Its messages go
 * through the deliveries outbox under its own `campaigns` row (kind 'journey'), which carries
 * the holdout share and the declared outcome, so journeys and broadcasts share one engine.
 */
export const journeys = pgTable(
  'journeys',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['draft', 'active', 'paused', 'archived'] })
      .notNull()
      .default('draft'),
    currentVersion: integer('current_version').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    presetKey: text('preset_key'),
    // entered_segment journeys: the local day of the last membership snapshot; null = none yet,
    // so the first scan only takes one (switching a journey on must not enrol the whole segment).
    segmentSnapshotOn: date('segment_snapshot_on', { mode: 'string' }),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'journeys_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    foreignKey({
      name: 'journeys_campaign_fk',
      columns: [t.tenantId, t.campaignId],
      foreignColumns: [campaigns.tenantId, campaigns.id],
    }),
    foreignKey({
      name: 'journeys_created_by_fk',
      columns: [t.tenantId, t.createdBy],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'journeys_updated_by_fk',
      columns: [t.tenantId, t.updatedBy],
      foreignColumns: [users.tenantId, users.id],
    }),
    // Workers look for active journeys across tenants.
    index('journeys_status_idx').on(t.status),
  ],
);

/** Every saved definition of a journey; an edit adds a version, enrollments keep theirs. */
export const journeyVersions = pgTable(
  'journey_versions',
  {
    tenantId: uuid('tenant_id').notNull(),
    journeyId: uuid('journey_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<JourneyDefinition>().notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.journeyId, t.version] }),
    foreignKey({
      name: 'journey_versions_journey_fk',
      columns: [t.tenantId, t.journeyId],
      foreignColumns: [journeys.tenantId, journeys.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'journey_versions_created_by_fk',
      columns: [t.tenantId, t.createdBy],
      foreignColumns: [users.tenantId, users.id],
    }),
  ],
);

/**
 * One customer's durable place in one journey version (JourneyEnrollmentState as columns).
 * `entry_key` names the trigger occurrence (a visit id, a birthday date), so the same
 * occurrence never enrols twice however often a scan runs.
 */
export const journeyEnrollments = pgTable(
  'journey_enrollments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    journeyId: uuid('journey_id').notNull(),
    version: integer('version').notNull(),
    customerId: uuid('customer_id').notNull(),
    arm: text('arm', { enum: ['a', 'holdout'] }).notNull(),
    entryKey: text('entry_key').notNull(),
    status: text('status', { enum: ['active', 'completed', 'exited'] }).notNull(),
    stepId: text('step_id'),
    wakeAt: instant('wake_at'),
    enteredAt: instant('entered_at').notNull(),
    endedAt: instant('ended_at'),
    endReason: text('end_reason'),
    visitedStepIds: jsonb('visited_step_ids').$type<string[]>().notNull().default([]),
    leaseUntil: instant('lease_until'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'journey_enrollments_version_fk',
      columns: [t.tenantId, t.journeyId, t.version],
      foreignColumns: [journeyVersions.tenantId, journeyVersions.journeyId, journeyVersions.version],
    }).onDelete('cascade'),
    foreignKey({
      name: 'journey_enrollments_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }).onDelete('cascade'),
    uniqueIndex('journey_enrollments_entry_key').on(t.tenantId, t.journeyId, t.customerId, t.entryKey),
    index('journey_enrollments_customer_idx').on(t.tenantId, t.journeyId, t.customerId, t.enteredAt),
    // The workers' queue: active enrollments by when they are due (null = now).
    index('journey_enrollments_due_idx')
      .on(t.wakeAt)
      .where(sql`status = 'active'`),
  ],
);

/** A journey's "tell the staff" step: shown to the shop until someone reads it. */
export const staffNotifications = pgTable(
  'staff_notifications',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    journeyId: uuid('journey_id'),
    // The step's idempotency key: a retried step notifies once.
    sourceKey: text('source_key').notNull(),
    message: text('message').notNull(),
    createdAt: createdAt(),
    readAt: instant('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'staff_notifications_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'staff_notifications_journey_fk',
      columns: [t.tenantId, t.journeyId],
      foreignColumns: [journeys.tenantId, journeys.id],
    }).onDelete('set null'),
    uniqueIndex('staff_notifications_source_key').on(t.tenantId, t.sourceKey),
    index('staff_notifications_created_idx').on(t.tenantId, t.createdAt),
  ],
);

/**
 * Where the journey worker's scans of one tenant stand: the last visit it looked at
 * (created_at, id) and the last local day whose daily triggers it ran.
 */
export const journeyScanCursors = pgTable(
  'journey_scan_cursors',
  {
    tenantId: uuid('tenant_id').notNull(),
    lastVisitCreatedAt: instant('last_visit_created_at'),
    lastVisitId: uuid('last_visit_id'),
    lastDailyScanOn: date('last_daily_scan_on', { mode: 'string' }),
    leaseUntil: instant('lease_until'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    foreignKey({ name: 'journey_scan_cursors_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
  ],
);

/** Who was in an entered_segment journey's segment at the last daily scan, to see who entered since. */
export const journeySegmentMembers = pgTable(
  'journey_segment_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    journeyId: uuid('journey_id').notNull(),
    customerId: uuid('customer_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.journeyId, t.customerId] }),
    foreignKey({
      name: 'journey_segment_members_journey_fk',
      columns: [t.tenantId, t.journeyId],
      foreignColumns: [journeys.tenantId, journeys.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'journey_segment_members_customer_fk',
      columns: [t.tenantId, t.customerId],
      foreignColumns: [customers.tenantId, customers.id],
    }).onDelete('cascade'),
  ],
);

/** A business's own system that receives signed events (webhook.test, message.sent, message.failed). */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    url: text('url').notNull(),
    description: text('description'),
    // Kept in the clear: the server needs it back to sign; the API shows it once, at creation.
    secret: text('secret').notNull(),
    events: text('events').array().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'webhook_endpoints_tenant_fk', columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
    foreignKey({
      name: 'webhook_endpoints_created_by_fk',
      columns: [t.tenantId, t.createdBy],
      foreignColumns: [users.tenantId, users.id],
    }),
  ],
);

/** The outbox of webhook calls: one row per (endpoint, event), retried with backoff until it is taken. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    endpointId: uuid('endpoint_id').notNull(),
    eventType: text('event_type').notNull(),
    // What the event is about (a delivery id…): with the endpoint, it makes a repeat a no-op.
    sourceKey: text('source_key').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: smallint('attempts').notNull().default(0),
    notBefore: instant('not_before').notNull(),
    leaseUntil: instant('lease_until'),
    responseStatus: smallint('response_status'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'webhook_events_endpoint_fk',
      columns: [t.tenantId, t.endpointId],
      foreignColumns: [webhookEndpoints.tenantId, webhookEndpoints.id],
    }).onDelete('cascade'),
    uniqueIndex('webhook_events_source_key').on(t.tenantId, t.endpointId, t.eventType, t.sourceKey),
    index('webhook_events_queue_idx')
      .on(t.notBefore)
      .where(sql`status in ('queued', 'sending')`),
    index('webhook_events_endpoint_idx').on(t.tenantId, t.endpointId, t.createdAt),
  ],
);

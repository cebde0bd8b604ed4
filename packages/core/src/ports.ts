/**
 * What the domain needs from storage. packages/db implements these for PGlite and
 * PostgreSQL; one contract suite (packages/db/test/contract) runs against both.
 * Every repository is bound to one tenant when it is made: there is no call that takes
 * another tenant's id, which is how isolation holds below the HTTP routes.
 */
import type {
  AnalyticsResults,
  AtRiskCustomer,
  CustomerScore,
  ModelRun,
  AdSpend,
  AdSpendPut,
  AdSpendQuery,
  AttributeDefinition,
  AttributeDefinitionCreate,
  AttributeDefinitionPatch,
  AttributeValue,
  AuditAction,
  AuditEvent,
  AuditListQuery,
  CatalogItem,
  CatalogItemCreate,
  CatalogItemPatch,
  Channel,
  ChannelCreate,
  ChannelPatch,
  ConsentChannel,
  ConsentStatus,
  Customer,
  CustomerListQuery,
  Gender,
  Role,
  Store,
  StoreCreate,
  StorePatch,
  Tenant,
  TenantSettings,
  TimelineEntry,
  TimelineQuery,
  User,
  Visit,
  VisitListQuery,
  VisitSource,
  VisitStatus,
  LineItem,
  Payment,
  MessageTemplate,
  Segment,
  SegmentRule,
  SmtpSecurity,
} from '@kayoi/contracts';
import type { SegmentPlan } from './segments/segmentPlan.js';
import type { CampaignRepository } from './delivery/campaignPorts.js';
import type { WebhookRepository } from './webhooks/webhookPorts.js';
import type { JourneyRepository } from './journeys/journeyPorts.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A customer as stored, before the viewer's role decides what of it is shown. */
export type CustomerDetail = Omit<Customer, 'masked'>;

/** Normalised customer columns a use case may write (see customers/customerFields.ts). */
export interface CustomerColumns {
  externalId: string | null;
  familyName: string | null;
  givenName: string | null;
  familyNameKana: string | null;
  givenNameKana: string | null;
  email: string | null;
  phone: string | null;
  lineUserId: string | null;
  gender: Gender;
  birthday: string | null;
  birthYear: number | null;
  postalCode: string | null;
  area: string | null;
  acquisitionChannelId: string | null;
  acquiredOn: string | null;
  notes: string | null;
  tags: string[];
  searchText: string;
}

export interface ConsentWrite {
  channel: ConsentChannel;
  status: ConsentStatus;
  source: string;
  at: Date;
  actorUserId: string | null;
}

export interface AttributeValueWrite {
  attributeId: string;
  /** null removes the value. */
  value: AttributeValue | null;
}

export interface CustomerMatchKeys {
  externalId?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** The list query with its calendar days turned into instants in the business's zone. */
export interface CustomerListFilter extends Omit<CustomerListQuery, 'lastVisitFrom' | 'lastVisitTo'> {
  lastVisitFromInstant?: Date;
  lastVisitToInstant?: Date;
}

export interface CustomerRepository {
  insert(columns: CustomerColumns): Promise<CustomerDetail>;
  update(id: string, columns: Partial<CustomerColumns>): Promise<CustomerDetail | null>;
  findById(id: string): Promise<CustomerDetail | null>;
  /** Customers whose external id, phone or email equals the given keys (erased ones excluded). */
  findMatches(keys: CustomerMatchKeys): Promise<CustomerDetail[]>;
  list(filter: CustomerListFilter): Promise<Page<CustomerDetail>>;
  setAttributeValues(customerId: string, values: AttributeValueWrite[]): Promise<void>;
  recordConsent(customerId: string, consent: ConsentWrite): Promise<void>;
  /** Removes personal data and keeps the anonymised history (see customers/erasure.ts). */
  erase(id: string, at: Date): Promise<CustomerDetail | null>;
  timeline(customerId: string, query: TimelineQuery): Promise<Page<TimelineEntry>>;
  /** Tags in use on live customers, most used first (for filters and pickers). */
  listTags(limit: number): Promise<{ tag: string; customers: number }[]>;
  /** Recomputes visit summaries from the visits themselves; all customers when ids is 'all'. */
  refreshStats(ids: string[] | 'all'): Promise<void>;
}

export interface VisitWrite {
  customerId: string;
  storeId: string;
  staffId: string | null;
  startedAt: Date;
  status: VisitStatus;
  subtotal: number;
  discount: number;
  total: number;
  items: LineItem[];
  payments: Payment[];
  note: string | null;
  externalId: string | null;
  source: VisitSource;
}

export interface VisitListFilter extends Omit<VisitListQuery, 'from' | 'to'> {
  fromInstant?: Date;
  toInstant?: Date;
}

export interface VisitRepository {
  insert(visit: VisitWrite): Promise<Visit>;
  replace(id: string, visit: VisitWrite): Promise<Visit | null>;
  markVoided(id: string, reason: string, at: Date): Promise<Visit | null>;
  findById(id: string): Promise<Visit | null>;
  list(filter: VisitListFilter): Promise<Page<Visit>>;
}

export interface StoreRepository {
  list(): Promise<Store[]>;
  findById(id: string): Promise<Store | null>;
  insert(input: StoreCreate): Promise<Store>;
  update(id: string, patch: StorePatch): Promise<Store | null>;
}

export interface CatalogRepository {
  list(): Promise<CatalogItem[]>;
  findById(id: string): Promise<CatalogItem | null>;
  findByIds(ids: string[]): Promise<CatalogItem[]>;
  insert(input: CatalogItemCreate): Promise<CatalogItem>;
  update(id: string, patch: CatalogItemPatch): Promise<CatalogItem | null>;
}

export interface ChannelRepository {
  list(): Promise<Channel[]>;
  findById(id: string): Promise<Channel | null>;
  insert(input: ChannelCreate): Promise<Channel>;
  update(id: string, patch: ChannelPatch): Promise<Channel | null>;
}

export interface AdSpendRepository {
  list(query: AdSpendQuery): Promise<AdSpend[]>;
  put(channelId: string, month: string, input: AdSpendPut): Promise<AdSpend>;
  remove(channelId: string, month: string): Promise<boolean>;
}

export interface AttributeRepository {
  list(): Promise<AttributeDefinition[]>;
  findById(id: string): Promise<AttributeDefinition | null>;
  insert(input: AttributeDefinitionCreate): Promise<AttributeDefinition>;
  update(id: string, patch: AttributeDefinitionPatch): Promise<AttributeDefinition | null>;
}

export interface UserCredentials {
  user: User;
  passwordHash: string | null;
}

export interface UserWrite {
  name: string;
  nameKana: string | null;
  email: string | null;
  passwordHash: string | null;
  role: Role;
  active: boolean;
  storeIds: string[];
}

export interface UserRepository {
  list(): Promise<User[]>;
  findById(id: string): Promise<User | null>;
  findCredentials(id: string): Promise<UserCredentials | null>;
  insert(input: UserWrite): Promise<User>;
  update(id: string, patch: Partial<UserWrite>): Promise<User | null>;
  countActiveOwners(): Promise<number>;
}

export interface SessionRecord {
  id: string;
  userId: string;
  secretHash: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  userAgent: string | null;
}

export interface SessionRepository {
  insert(session: Omit<SessionRecord, 'revokedAt' | 'lastSeenAt'>): Promise<void>;
  findById(id: string): Promise<SessionRecord | null>;
  listActiveForUser(userId: string, now: Date): Promise<SessionRecord[]>;
  touch(id: string, at: Date, expiresAt: Date): Promise<void>;
  revoke(id: string, at: Date): Promise<boolean>;
  revokeAllForUser(userId: string, at: Date): Promise<void>;
}

export interface AuditWrite {
  actorUserId: string | null;
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRepository {
  record(event: AuditWrite): Promise<void>;
  list(query: AuditListQuery): Promise<Page<AuditEvent>>;
}

export interface TenantRepository {
  get(): Promise<Tenant>;
  update(patch: { name?: string; timeZone?: string; settings?: TenantSettings }): Promise<Tenant>;
}

/** Model refreshes and what they stored (the newest succeeded run is "current"). */
export interface AnalyticsRepository {
  /** Queues a refresh, or returns the one already queued or running (created: false). */
  request(input: {
    trigger: ModelRun['trigger'];
    requestedBy: string | null;
    nightlyDate?: string | undefined;
  }): Promise<{ run: ModelRun; created: boolean } | null>;
  get(runId: string): Promise<ModelRun | null>;
  list(limit: number): Promise<ModelRun[]>;
  latestSucceeded(): Promise<ModelRun | null>;
  latestView<K extends keyof AnalyticsResults>(key: K): Promise<{ run: ModelRun; view: AnalyticsResults[K] } | null>;
  monitoringSince(fromDate: string): Promise<{ endDate: string; monitoring: AnalyticsResults['monitoring'] }[]>;
  customerScore(customerId: string): Promise<CustomerScore | null>;
  atRiskPage(query: { limit: number; afterRank: number }): Promise<AtRiskCustomer[]>;
}

/** A message template as stored; the API shape without derived fields. */
export interface TemplateWrite {
  name: string;
  channel: MessageTemplate['channel'];
  ja: MessageTemplate['ja'];
  en: MessageTemplate['en'];
}

export interface MessageTemplateRepository {
  list(options: { includeArchived: boolean }): Promise<MessageTemplate[]>;
  findById(id: string): Promise<MessageTemplate | null>;
  insert(input: TemplateWrite, actorUserId: string | null): Promise<MessageTemplate>;
  update(
    id: string,
    patch: Partial<TemplateWrite> & { archived?: boolean | undefined },
    actorUserId: string | null,
  ): Promise<MessageTemplate | null>;
}

/** A saved segment as stored; its count is computed when it is shown. */
export type SavedSegment = Omit<Segment, 'customerCount'>;

export interface SegmentWrite {
  name: string;
  description: string | null;
  rule: SegmentRule;
}

export interface SegmentRepository {
  list(options: { includeArchived: boolean }): Promise<SavedSegment[]>;
  findById(id: string): Promise<SavedSegment | null>;
  insert(input: SegmentWrite, actorUserId: string | null): Promise<SavedSegment>;
  update(
    id: string,
    patch: Partial<SegmentWrite> & { archived?: boolean | undefined },
    actorUserId: string | null,
  ): Promise<SavedSegment | null>;
  /** Live (not erased) customers matching the plan. */
  count(plan: SegmentPlan): Promise<number>;
  /** Matching live customers in a stable order (oldest record first), one page after the cursor. */
  customers(plan: SegmentPlan, page: { cursor?: string | undefined; limit: number }): Promise<Page<CustomerDetail>>;
  /** Matching customer ids in the same order, after `afterId`: for sending to a whole segment. */
  memberIds(plan: SegmentPlan, page: { afterId: string | null; limit: number }): Promise<string[]>;
}

/** The stored LINE credentials of a business (server-side only; never sent to a client). */
export interface LineCredentials {
  channelId: string;
  channelSecret: string;
  channelAccessToken: string;
  updatedAt: Date;
}

/** The stored email sender and SMTP relay of a business (the password stays server-side). */
export interface EmailChannelRecord {
  fromName: string;
  fromAddress: string;
  replyTo: string | null;
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: SmtpSecurity;
  smtpUsername: string | null;
  smtpPassword: string | null;
  updatedAt: Date;
}

export interface EmailRepository {
  settings(): Promise<EmailChannelRecord | null>;
  saveSettings(settings: Omit<EmailChannelRecord, 'updatedAt'>, at: Date, actorUserId: string | null): Promise<void>;
}

export interface LineWebhookEventWrite {
  webhookEventId: string;
  type: string;
  lineUserId: string | null;
  occurredAt: Date;
  receivedAt: Date;
  redelivery: boolean;
}

export interface LineRepository {
  credentials(): Promise<LineCredentials | null>;
  saveCredentials(credentials: Omit<LineCredentials, 'updatedAt'>, at: Date, actorUserId: string | null): Promise<void>;
  /** False when the event was already stored (a redelivery): the caller then does nothing. */
  recordWebhookEvent(event: LineWebhookEventWrite): Promise<boolean>;
  setWebhookEventOutcome(webhookEventId: string, outcome: string): Promise<void>;
  /** The live (not erased) customer linked to this LINE user, if any. */
  findCustomerIdByLineUserId(lineUserId: string): Promise<string | null>;
  insertLinkCode(code: {
    customerId: string;
    codeHash: string;
    expiresAt: Date;
    createdBy: string | null;
  }): Promise<void>;
  /** Whether an unused, unexpired code with this hash exists (a new code must not collide). */
  checkLiveLinkCode(codeHash: string, now: Date): Promise<boolean>;
  /** Marks the live code used and returns its customer; null when there is none. */
  consumeLinkCode(codeHash: string, now: Date): Promise<string | null>;
}

export interface TenantRepos {
  readonly tenantId: string;
  readonly tenant: TenantRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly stores: StoreRepository;
  readonly catalog: CatalogRepository;
  readonly attributes: AttributeRepository;
  readonly channels: ChannelRepository;
  readonly adSpend: AdSpendRepository;
  readonly customers: CustomerRepository;
  readonly visits: VisitRepository;
  readonly audit: AuditRepository;
  readonly analytics: AnalyticsRepository;
  readonly segments: SegmentRepository;
  readonly templates: MessageTemplateRepository;
  readonly line: LineRepository;
  readonly email: EmailRepository;
  readonly campaigns: CampaignRepository;
  readonly webhooks: WebhookRepository;
  readonly journeys: JourneyRepository;
}

export interface LoginCandidate {
  tenantId: string;
  tenantName: string;
  userId: string;
  passwordHash: string;
}

/** The few operations that are not inside one tenant: creating one, and logging in. */
export interface TenantDirectory {
  create(input: { name: string; timeZone: string }): Promise<Tenant>;
  exists(tenantId: string): Promise<boolean>;
  list(): Promise<Tenant[]>;
  /** Active users who can log in with this email, in any tenant. */
  findLoginCandidates(email: string): Promise<LoginCandidate[]>;
}

export interface DataStore {
  readonly directory: TenantDirectory;
  forTenant(tenantId: string): TenantRepos;
  /** Runs work in one transaction; a thrown error (AppFailure included) rolls it back. */
  transaction<T>(tenantId: string, work: (repos: TenantRepos) => Promise<T>): Promise<T>;
}

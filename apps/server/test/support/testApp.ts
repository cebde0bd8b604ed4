import type { Role } from '@kayoi/contracts';
import { createTenantWithOwner, type TenantRepos } from '@kayoi/core';
import { journeyRunStore, type Engine } from '@kayoi/db';
import { openTestDatabase, type TestDatabase } from '@kayoi/db/testing';
import { buildApp } from '../../src/app/buildApp.js';
import { defaultAppDeps, type AppDeps } from '../../src/app/deps.js';

export const PASSWORD = 'correct horse battery';

export interface TestApp {
  engine: Engine;
  test: TestDatabase;
  deps: AppDeps;
  app: ReturnType<typeof buildApp>;
  /** Sends a JSON request through the app (no network), with a bearer token if given. */
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestApp(engine: Engine, overrides: Partial<AppDeps> = {}): Promise<TestApp> {
  const test = await openTestDatabase(engine);
  const deps = defaultAppDeps(test.db, overrides);
  const app = buildApp(deps);
  return {
    engine,
    test,
    deps,
    app,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      return app.request(path, { method, headers, body });
    },
    close: () => test.drop(),
  };
}

/** A business with one account per role, reference data, a customer with a visit. */
export interface Business {
  tenantId: string;
  repos: TenantRepos;
  tokens: Record<Role, string>;
  users: Record<Role, string>;
  emails: Record<Role, string>;
  storeId: string;
  itemId: string;
  channelId: string;
  attributeId: string;
  customerId: string;
  visitId: string;
  segmentId: string;
  templateId: string;
  broadcastId: string;
  webhookId: string;
  journeyId: string;
  /** A win-back style note for the staff, as a journey's notify_staff step leaves it. */
  notificationId: string;
  sessionId: string;
}

export async function login(
  t: TestApp,
  email: string,
  password = PASSWORD,
): Promise<{ token: string; sessionId: string }> {
  const res = await t.call('POST', '/api/v1/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: string };
  const me = (await (await t.call('GET', '/api/v1/auth/me', { token: body.token })).json()) as { sessionId: string };
  return { token: body.token, sessionId: me.sessionId };
}

let counter = 0;

export async function seedBusiness(t: TestApp, name = 'Salon'): Promise<Business> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]/g, '')}${++counter}`;
  const emails = {
    owner: `owner@${slug}.example.com`,
    manager: `manager@${slug}.example.com`,
    staff: `staff@${slug}.example.com`,
    analyst: `analyst@${slug}.example.com`,
  };
  const { tenant, owner } = await createTenantWithOwner(t.deps.store, t.deps.hasher, {
    name,
    timeZone: 'Asia/Tokyo',
    ownerEmail: emails.owner,
    ownerPassword: PASSWORD,
    ownerName: 'オーナー',
  });
  const repos = t.deps.store.forTenant(tenant.id);
  const users: Record<Role, string> = { owner: owner.id, manager: '', staff: '', analyst: '' };
  for (const role of ['manager', 'staff', 'analyst'] as const) {
    const user = await repos.users.insert({
      name: role,
      nameKana: null,
      email: emails[role],
      passwordHash: await t.deps.hasher.hash(PASSWORD),
      role,
      active: true,
      storeIds: [],
    });
    users[role] = user.id;
  }
  const ownerLogin = await login(t, emails.owner);
  const tokens: Record<Role, string> = { owner: ownerLogin.token, manager: '', staff: '', analyst: '' };
  for (const role of ['manager', 'staff', 'analyst'] as const) tokens[role] = (await login(t, emails[role])).token;

  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await t.call('POST', path, { token: tokens.owner, body });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const store = await post<{ id: string }>('/api/v1/stores', { name: '本店' });
  const item = await post<{ id: string }>('/api/v1/catalog/items', {
    kind: 'service',
    name: 'カット',
    price: 5500,
    cost: 500,
    durationMinutes: 60,
  });
  const channel = await post<{ id: string }>('/api/v1/channels', { name: 'Instagram', kind: 'sns' });
  const attribute = await post<{ id: string }>('/api/v1/attributes', {
    key: 'hair_type',
    label: '髪質',
    type: 'single_choice',
    options: [
      { value: 'fine', label: '細い' },
      { value: 'curly', label: 'くせ毛' },
    ],
  });
  const customer = await post<{ id: string }>('/api/v1/customers', {
    familyName: '山田',
    givenName: '花子',
    familyNameKana: 'ヤマダ',
    givenNameKana: 'ハナコ',
    phone: '090-1234-5678',
    email: 'hanako@example.com',
    lineUserId: 'U1234567890abcdef',
    birthday: '1990-04-01',
    postalCode: '150-0001',
    area: '渋谷区',
    acquisitionChannelId: channel.id,
    notes: 'カラーは明るめ希望',
    tags: ['VIP'],
    attributes: { hair_type: 'fine' },
    consents: { line: { status: 'granted', source: 'counter' } },
  });
  const visit = await post<{ id: string }>('/api/v1/visits', {
    customerId: customer.id,
    storeId: store.id,
    staffId: users.staff,
    startedAt: '2025-06-01T05:00:00.000Z',
    items: [{ itemId: item.id }],
    payments: [{ method: 'card', amount: 5500 }],
    note: '次回は前髪カット',
  });
  // Visit-based only, so every role that may read segments may also list its members.
  const segment = await post<{ id: string }>('/api/v1/segments', {
    name: '本店の常連',
    rule: {
      type: 'and',
      rules: [
        { type: 'visitCount', op: 'gte', value: 1 },
        { type: 'store', op: 'in', value: [store.id] },
      ],
    },
  });
  const template = await post<{ id: string }>('/api/v1/templates', {
    name: '来店お礼',
    channel: 'line_text',
    ja: { body: '{{ customer.name }}様、{{ last_visit.date }}はありがとうございました。' },
  });
  // A draft: nothing is sent until it is scheduled and a sending worker runs.
  const broadcast = await post<{ id: string }>('/api/v1/broadcasts', {
    name: '秋のご案内',
    segmentId: segment.id,
    templates: { line: template.id },
  });
  // A draft journey: nothing enrols until it is activated and a journey worker runs.
  const journey = await post<{ id: string }>('/api/v1/journeys', {
    name: 'ご来店お礼',
    definition: {
      trigger: { type: 'any_visit' },
      entryStepId: 'wait',
      steps: [
        { id: 'wait', type: 'wait', duration: { hours: 1 }, next: 'send' },
        { id: 'send', type: 'send', templates: { line: template.id }, next: null },
      ],
      exitOn: { visit: false, booking: false },
      reentry: { policy: 'never' },
    },
  });
  const webhook = await post<{ id: string }>('/api/v1/webhooks', {
    url: 'https://hooks.example.jp/kayoi',
    events: ['message.sent'],
  });
  // Written the way the journey worker writes it: there is no API to create one.
  await journeyRunStore(t.test.db.orm).notifyStaff({
    tenantId: tenant.id,
    customerId: customer.id,
    journeyId: journey.id,
    sourceKey: `seed:${slug}`,
    message: '呼び戻しメッセージから14日、まだご来店がありません。',
    at: new Date('2025-07-01T02:00:00.000Z'),
  });
  const [notification] = await t.test.db.query<{ id: string }>(
    `select id from staff_notifications where tenant_id = $1`,
    [tenant.id],
  );
  const notificationId = notification!.id;
  return {
    tenantId: tenant.id,
    repos,
    tokens,
    users,
    emails,
    storeId: store.id,
    itemId: item.id,
    channelId: channel.id,
    attributeId: attribute.id,
    customerId: customer.id,
    visitId: visit.id,
    segmentId: segment.id,
    templateId: template.id,
    broadcastId: broadcast.id,
    webhookId: webhook.id,
    journeyId: journey.id,
    notificationId,
    sessionId: ownerLogin.sessionId,
  };
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Journey, JourneyVersion, StaffNotification } from '@kayoi/contracts';
import { journeyRunStore } from '@kayoi/db';
import { engines } from '@kayoi/db/testing';
import { getJson, postJson } from './support/messaging.js';
import { seedBusiness, startTestApp, type Business, type TestApp } from './support/testApp.js';

const definitionWith = (templateId: string, hours: number) => ({
  trigger: { type: 'any_visit' },
  entryStepId: 'wait',
  steps: [
    { id: 'wait', type: 'wait', duration: { hours }, next: 'send' },
    { id: 'send', type: 'send', templates: { line: templateId }, next: null },
  ],
  exitOn: { visit: false, booking: false },
  reentry: { policy: 'never' },
});

for (const engine of engines) {
  describe(`journeys API on ${engine}: create, edit as versions, validate, presets`, () => {
    let t: TestApp;
    let b: Business;
    before(async () => {
      t = await startTestApp(engine);
      b = await seedBusiness(t, 'Journeys');
    });
    after(() => t.close());

    it('creates a draft, edits it into version 2, and keeps version 1 readable', async () => {
      const created = await postJson<Journey>(t, b.tokens.owner, '/api/v1/journeys', {
        name: 'お礼',
        definition: definitionWith(b.templateId, 1),
        holdoutPercent: 10,
      });
      assert.equal(created.status, 'draft');
      assert.equal(created.version, 1);
      assert.equal(created.holdoutPercent, 10);
      const res = await t.call('PATCH', `/api/v1/journeys/${created.id}`, {
        token: b.tokens.manager,
        body: { definition: definitionWith(b.templateId, 3), name: 'お礼（3時間後）' },
      });
      assert.equal(res.status, 200, await res.clone().text());
      const edited = (await res.json()) as Journey;
      assert.equal(edited.version, 2);
      assert.equal(edited.name, 'お礼（3時間後）');
      const versions = await getJson<{ items: JourneyVersion[] }>(
        t,
        b.tokens.analyst,
        `/api/v1/journeys/${created.id}/versions`,
      );
      assert.deepEqual(
        versions.items.map((v) => [v.version, v.definition.steps[0]]),
        [
          [2, { id: 'wait', type: 'wait', duration: { days: 0, hours: 3, minutes: 0 }, next: 'send' }],
          [1, { id: 'wait', type: 'wait', duration: { days: 0, hours: 1, minutes: 0 }, next: 'send' }],
        ],
      );
      const activated = await postJson<Journey>(t, b.tokens.owner, `/api/v1/journeys/${created.id}/activate`, {}, 200);
      assert.equal(activated.status, 'active');
      const paused = await postJson<Journey>(t, b.tokens.owner, `/api/v1/journeys/${created.id}/pause`, {}, 200);
      assert.equal(paused.status, 'paused');
      const list = await getJson<{ items: Journey[] }>(t, b.tokens.analyst, '/api/v1/journeys');
      assert.ok(list.items.some((j) => j.id === created.id && j.status === 'paused'));
    });

    it('refuses a broken step graph with every problem at its path (422)', async () => {
      const res = await t.call('POST', '/api/v1/journeys', {
        token: b.tokens.owner,
        headers: { 'accept-language': 'en' },
        body: {
          name: 'broken',
          definition: {
            trigger: { type: 'any_visit' },
            entryStepId: 'a',
            steps: [
              { id: 'a', type: 'wait', duration: { days: 1 }, next: 'b' },
              { id: 'b', type: 'add_tag', tag: 'x', next: 'a' },
              { id: 'c', type: 'send', templates: { line: b.templateId }, next: 'nowhere' },
            ],
            exitOn: { visit: false, booking: false },
            reentry: { policy: 'never' },
          },
        },
      });
      assert.equal(res.status, 422);
      const { error } = (await res.json()) as {
        error: { code: string; message: string; details: { problems: { path: string; problem: string }[] } };
      };
      assert.equal(error.code, 'JOURNEY_DEFINITION_INVALID');
      assert.equal(error.message, 'The journey definition is not valid.');
      assert.deepEqual(error.details.problems.map((p) => `${p.path} ${p.problem}`).sort(), [
        'steps.1.next cycle',
        'steps.2 unreachable_step',
        'steps.2.next unknown_step',
      ]);
    });

    it('refuses a send step naming another channel’s template, and an archived journey’s edits', async () => {
      const email = await postJson<{ id: string }>(t, b.tokens.owner, '/api/v1/templates', {
        name: 'メール',
        channel: 'email',
        ja: { subject: 's', body: '<p>b</p>' },
      });
      const res = await t.call('POST', '/api/v1/journeys', {
        token: b.tokens.owner,
        body: { name: 'wrong channel', definition: definitionWith(email.id, 1) },
      });
      assert.equal(res.status, 422);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'TEMPLATE_CHANNEL_MISMATCH');
      const archived = await postJson<Journey>(t, b.tokens.owner, `/api/v1/journeys/${b.journeyId}/archive`, {}, 200);
      assert.equal(archived.status, 'archived');
      const patch = await t.call('PATCH', `/api/v1/journeys/${b.journeyId}`, {
        token: b.tokens.owner,
        body: { name: 'x' },
      });
      assert.equal(patch.status, 409);
    });

    it('lists the six presets and installs one as a draft with its own templates', async () => {
      const presets = await getJson<{ items: { key: string }[] }>(t, b.tokens.analyst, '/api/v1/journey-presets');
      assert.equal(presets.items.length, 6);
      const installed = await postJson<Journey>(
        t,
        b.tokens.owner,
        '/api/v1/journey-presets/aftercare_day2/install',
        {},
      );
      assert.equal(installed.status, 'draft');
      assert.equal(installed.presetKey, 'aftercare_day2');
      assert.equal(installed.holdoutPercent, 10);
      const sends = installed.definition.steps.filter((s) => s.type === 'send');
      assert.equal(sends.length, 3);
      const again = await postJson<Journey>(t, b.tokens.owner, '/api/v1/journey-presets/aftercare_day2/install', {});
      assert.notEqual(again.id, installed.id);
      const unknown = await t.call('POST', '/api/v1/journey-presets/nope/install', { token: b.tokens.owner });
      assert.equal(unknown.status, 400);
    });

    it('lists staff notifications newest first, pages them, filters the unread, and marks one read', async () => {
      const run = journeyRunStore(t.test.db.orm);
      // The seed's notification (2025-07-01) plus three later ones, as notify_staff steps write them.
      for (const day of ['2025-07-02', '2025-07-03', '2025-07-04'])
        await run.notifyStaff({
          tenantId: b.tenantId,
          customerId: b.customerId,
          journeyId: b.journeyId,
          sourceKey: `test:${day}`,
          message: `${day} のフォロー`,
          at: new Date(`${day}T02:00:00.000Z`),
        });
      type NotificationPage = { items: StaffNotification[]; nextCursor: string | null };
      const seen: StaffNotification[] = [];
      let cursor: string | null = null;
      do {
        const page: NotificationPage = await getJson<NotificationPage>(
          t,
          b.tokens.staff,
          `/api/v1/staff-notifications?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(
        seen.map((n) => n.createdAt.slice(0, 10)),
        ['2025-07-04', '2025-07-03', '2025-07-02', '2025-07-01'],
      );
      assert.ok(
        seen.every((n) => n.readAt === null && n.customerName === '山田 花子' && n.journeyName === 'ご来店お礼'),
      );

      const target = seen[1]!;
      const read = await postJson<StaffNotification>(
        t,
        b.tokens.staff,
        `/api/v1/staff-notifications/${target.id}/read`,
        undefined,
        200,
      );
      assert.ok(read.readAt);
      const again = await postJson<StaffNotification>(
        t,
        b.tokens.manager,
        `/api/v1/staff-notifications/${target.id}/read`,
        undefined,
        200,
      );
      assert.equal(again.readAt, read.readAt, 'the first reading counts');
      const unread = await getJson<NotificationPage>(t, b.tokens.staff, '/api/v1/staff-notifications?unread=true');
      assert.deepEqual(
        unread.items.map((n) => n.id),
        seen.filter((n) => n.id !== target.id).map((n) => n.id),
      );
      const asAnalyst = await getJson<NotificationPage>(t, b.tokens.analyst, '/api/v1/staff-notifications');
      assert.equal(asAnalyst.items.length, seen.length);
      assert.ok(
        asAnalyst.items.every((n) => n.customerName === null),
        'the analyst sees no names',
      );
      const missing = await t.call('POST', `/api/v1/staff-notifications/${b.journeyId}/read`, {
        token: b.tokens.staff,
      });
      assert.equal(missing.status, 404);
      assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'STAFF_NOTIFICATION_NOT_FOUND');
    });
  });
}

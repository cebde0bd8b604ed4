import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  Customer,
  Journey,
  JourneyEnrollment,
  JourneyPreset,
  JourneyVersion,
  MeasurementReport,
  MessageTemplate,
} from '@kayoi/contracts';
import type { Page } from 'playwright-core';
import { buildJourneyWorker, type JourneyWorker } from '../../server/src/worker/journeys/buildJourneyWorker.js';
import { DESKTOP, PHONE, logIn, newPage, screenshot, startBrowserApp, type BrowserApp } from './support/browserApp.js';
import { localeKeysOf } from './support/localeKeys.js';
import { eventually, getJson } from './support/polling.js';

const PRESET = 'ご来店お礼';
const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });
const dateTime = (iso: string) =>
  new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

async function post<T>(page: Page, path: string, data: unknown, status = 201): Promise<T> {
  const response = await page.request.post(`/api/v1${path}`, { data, headers: { 'accept-language': 'ja' } });
  assert.equal(response.status(), status, `POST ${path}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** The step ids the timeline shows, in order, as the page draws them. */
const shownSteps = (page: Page) =>
  page
    .getByTestId('journey-steps')
    .first()
    .locator('[data-step]')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-step')));

describe('journeys in Chromium', () => {
  let app: BrowserApp;
  let worker: JourneyWorker;
  let journey: Journey;
  let customer: Customer;

  before(async () => {
    app = await startBrowserApp();
    worker = buildJourneyWorker({ db: app.test.db, store: app.deps.store, clock: () => new Date(), log: () => {} });
  });
  after(async () => {
    await worker.stop();
    await app.close();
  });

  it('keeps the Japanese and English texts in step', () => {
    const keys = (file: string) => localeKeysOf(new URL(`../src/features/journeys/locales/${file}`, import.meta.url));
    assert.deepEqual(keys('en.json'), keys('ja.json'));
  });

  it('installs a preset, reads it as steps, edits a wait into version 2, starts it, and shows who entered', async () => {
    const { context, page } = await newPage(app, { viewport: DESKTOP });
    await logIn(page, app.accounts.owner);
    await page.getByRole('link', { name: 'ステップ配信' }).click();
    await page.waitForURL(/\/journeys$/);
    await page.getByText('ステップ配信はまだありません。', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'プリセットから始める' }).click();
    await page.waitForURL(/\/journeys\/presets$/);

    // The six presets, as the API lists them.
    const presets = (await getJson<{ items: JourneyPreset[] }>(page, '/journey-presets')).items;
    assert.equal(presets.length, 6);
    for (const p of presets) {
      const card = page.locator(`[data-preset="${p.key}"]`);
      await card.getByText(p.name.ja, { exact: true }).waitFor();
      await card.getByText(p.description.ja, { exact: true }).waitFor();
    }
    await screenshot(page, 'journey-presets');

    await page.getByRole('button', { name: `インストール: ${PRESET}` }).click();
    await page.waitForURL(/\/journeys\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop() ?? '';
    journey = await getJson<Journey>(page, `/journeys/${id}`);
    assert.equal(journey.status, 'draft');
    assert.equal(journey.presetKey, 'thank_you');
    assert.equal(journey.version, 1);

    // The trigger and every step in words, as the API's definition says.
    const def = journey.definition;
    assert.deepEqual(def.trigger, { type: 'any_visit' });
    await page.getByTestId('journey-trigger').getByText('来店したとき', { exact: true }).waitFor();
    assert.deepEqual(
      await shownSteps(page),
      def.steps.map((s) => s.id),
    );
    const [wait, sendStep] = def.steps;
    assert.ok(wait?.type === 'wait' && sendStep?.type === 'send');
    assert.deepEqual(wait.duration, { days: 0, hours: 1, minutes: 0 });
    const steps = page.getByTestId('journey-steps');
    await steps.locator(`[data-step="${wait.id}"]`).getByText('1時間待つ', { exact: true }).waitFor();
    const sendItem = steps.locator(`[data-step="${sendStep.id}"]`);
    await sendItem.getByText('メッセージを送る', { exact: true }).waitFor();
    for (const templateId of [sendStep.templates.line, sendStep.templates.email].filter(Boolean) as string[]) {
      const template = await getJson<MessageTemplate>(page, `/templates/${templateId}`);
      const link = sendItem.locator(`a[data-template="${templateId}"]`);
      await link.getByText(template.name, { exact: true }).waitFor();
      assert.equal(await link.getAttribute('href'), `/templates/${templateId}`);
    }
    await page.getByTestId('journey-exit').getByText('途中でご来店・ご予約があっても最後まで進みます。').waitFor();
    await page.getByTestId('journey-reentry').getByText('終わったお客様は、次のきっかけでまた参加します。').waitFor();
    await page.getByTestId('journey-holdout').getByText(`${journey.holdoutPercent}%`).waitFor();
    await page
      .getByTestId('journey-outcome')
      .getByText(`参加から ${journey.outcome.days} 日以内に来店したか`)
      .waitFor();
    await screenshot(page, 'journey-steps');

    // A broken graph (JSON view) comes back as JOURNEY_DEFINITION_INVALID, shown at its step.
    const broken = { ...def, steps: def.steps.map((s) => (s.id === wait.id ? { ...s, next: 'nowhere' } : s)) };
    const refused = await page.request.patch(`/api/v1/journeys/${id}`, {
      data: { definition: broken },
      headers: { 'accept-language': 'ja' },
    });
    assert.equal(refused.status(), 422);
    const { error } = (await refused.json()) as {
      error: { code: string; message: string; details: { problems: { path: string; message: string }[] } };
    };
    assert.equal(error.code, 'JOURNEY_DEFINITION_INVALID');
    const problem = error.details.problems.find((p) => p.path.startsWith('steps.0'));
    assert.ok(problem, JSON.stringify(error.details));
    await page.getByRole('tab', { name: '編集' }).click();
    await page
      .getByText('保存すると新しいバージョンになります。途中のお客様は開始時のバージョンのまま進みます。')
      .waitFor();
    await page.getByLabel('定義を JSON で編集（上級者向け）').fill(JSON.stringify(broken, null, 2));
    await page.getByRole('button', { name: 'JSON を反映' }).click();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page
      .locator(`[data-edit-step="${wait.id}"]`)
      .getByTestId('step-problems')
      .getByText(problem.message, { exact: true })
      .waitFor();
    await page.getByRole('alert').getByText(error.message, { exact: true }).waitFor();
    assert.equal((await getJson<Journey>(page, `/journeys/${id}`)).version, 1, 'nothing saved');

    // Edit the wait: one hour becomes two; saving makes version 2.
    await page.reload();
    await page.getByRole('tab', { name: '編集' }).click();
    const waitHours = page.locator(`[data-edit-step="${wait.id}"]`).getByLabel('時間', { exact: true });
    await waitHours.fill('2');
    await page.locator(`[data-edit-step="${wait.id}"]`).getByText('2時間待つ', { exact: true }).waitFor();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByTestId('journey-versions').waitFor();
    journey = await getJson<Journey>(page, `/journeys/${id}`);
    assert.equal(journey.version, 2);
    const versions = (await getJson<{ items: JourneyVersion[] }>(page, `/journeys/${id}/versions`)).items;
    assert.deepEqual(
      versions.map((v) => v.version),
      [2, 1],
    );
    const edited = versions[0]?.definition.steps.find((s) => s.id === wait.id);
    assert.deepEqual(edited?.type === 'wait' && edited.duration, { days: 0, hours: 2, minutes: 0 });
    const list = page.getByTestId('journey-versions');
    await eventually('both versions listed', async () => {
      const shown = await list
        .locator('[data-version]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-version')));
      return JSON.stringify(shown) === JSON.stringify(versions.map((v) => String(v.version)));
    });
    for (const v of versions) {
      await list
        .locator(`[data-version="${v.version}"]`)
        .getByText(`${dateTime(v.createdAt)} 作成`, { exact: true })
        .waitFor();
    }
    assert.equal(await list.locator('[data-version="2"]').getByTestId('current-version').count(), 1);
    assert.equal(await list.locator('[data-version="1"]').getByTestId('current-version').count(), 0);
    await list.getByRole('button', { name: /^v2/ }).click();
    await list
      .locator('[data-version="2"]')
      .locator(`[data-step="${wait.id}"]`)
      .getByText('2時間待つ', { exact: true })
      .waitFor();
    await page.getByTestId('journey-version').getByText('v2', { exact: true }).waitFor();

    // Start it, confirming first.
    await page.getByRole('button', { name: '開始する' }).click();
    const dialog = page.getByRole('dialog', { name: 'ステップ配信を開始しますか？' });
    await dialog.getByRole('button', { name: '開始する' }).click();
    await page.locator('[data-status="active"]').first().waitFor();
    assert.equal((await getJson<Journey>(page, `/journeys/${id}`)).status, 'active');

    // A visit, then the journey worker: the customer enters version 2 and waits two hours.
    customer = (await getJson<{ items: Customer[] }>(page, '/customers?limit=1')).items[0]!;
    const [store] = (await getJson<{ items: { id: string }[] }>(page, '/stores')).items;
    assert.ok(customer && store);
    await post(page, '/visits', {
      customerId: customer.id,
      storeId: store.id,
      startedAt: new Date().toISOString(),
      items: [{ name: 'カット', unitPrice: 5500 }],
      payments: [{ method: 'card', amount: 5500 }],
    });
    await worker.drain();
    const enrollments = (await getJson<{ items: JourneyEnrollment[] }>(page, `/journeys/${id}/enrollments`)).items;
    const mine = enrollments.find((e) => e.customerId === customer.id);
    assert.ok(mine, 'the visitor entered');
    assert.equal(mine.version, 2);
    assert.equal(mine.status, 'active');
    assert.equal(mine.stepId, wait.id);

    await page.getByRole('tab', { name: '参加者' }).click();
    const table = page.getByRole('table', { name: '参加者' });
    await eventually('every enrollment listed', async () => {
      const ids = await table
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-enrollment')));
      return JSON.stringify(ids) === JSON.stringify(enrollments.map((e) => e.id));
    });
    const row = table.locator(`tr[data-enrollment="${mine.id}"]`);
    const name = [customer.familyName, customer.givenName].filter(Boolean).join(' ');
    const link = row.getByRole('link', { name, exact: true });
    assert.equal(await link.getAttribute('href'), `/customers/${customer.id}`);
    assert.deepEqual(await row.locator('td').allTextContents(), [
      name,
      'v2',
      mine.arm === 'a' ? '送る' : 'ホールドアウト',
      '進行中',
      '2時間待つ',
      dateTime(mine.wakeAt!),
      dateTime(mine.enteredAt),
    ]);
    await page
      .getByTestId('journey-active')
      .getByText(String((await getJson<Journey>(page, `/journeys/${id}`)).activeEnrollments), { exact: true })
      .waitFor();
    await screenshot(page, 'journey-enrollments');

    // The report: the broadcast report's table, on the journey's numbers.
    const report = await getJson<MeasurementReport>(page, `/journeys/${id}/report`);
    await page.getByRole('tab', { name: '効果' }).click();
    const reportTable = page.getByRole('table', { name: '効果（送った人とホールドアウトの比較）' });
    // The tab loads its report after the click: read the cells once the rows are there.
    await reportTable.locator('tr[data-arm="holdout"] td').first().waitFor();
    for (const arm of ['treated', 'holdout'] as const) {
      const cells = await reportTable.locator(`tr[data-arm="${arm}"] td`).allTextContents();
      assert.equal(cells[0], String(report[arm].customers));
    }

    // The list: trigger in words, version, who is in it.
    await page.getByRole('link', { name: '← ステップ配信一覧' }).click();
    const listRow = page.getByRole('table', { name: 'ステップ配信' }).locator(`tr:has(a[href="/journeys/${id}"])`);
    await listRow.getByText('稼働中', { exact: true }).waitFor();
    journey = await getJson<Journey>(page, `/journeys/${id}`);
    assert.deepEqual(await listRow.locator('td').allTextContents(), [
      journey.name,
      '稼働中',
      '来店したとき',
      'v2',
      String(journey.activeEnrollments),
    ]);
    await screenshot(page, 'journeys-list');
    await context.close();
  });

  it('pauses and archives only after asking', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    const other = await post<Journey>(page, '/journey-presets/review_request/install', {});
    await page.goto(`/journeys/${other.id}`);
    await page.getByTestId('journey-trigger').getByText('来店したとき').waitFor();
    await page.locator('[data-step="next_day_18"]').getByText('1日後の18:00まで待つ', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'アーカイブ' }).click();
    const dialog = page.getByRole('dialog', { name: 'アーカイブしますか？' });
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await getJson<Journey>(page, `/journeys/${other.id}`)).status, 'draft');
    await page.getByRole('button', { name: 'アーカイブ' }).click();
    await page
      .getByRole('dialog', { name: 'アーカイブしますか？' })
      .getByRole('button', { name: 'アーカイブ' })
      .click();
    await page.locator('[data-status="archived"]').first().waitFor();
    assert.equal((await getJson<Journey>(page, `/journeys/${other.id}`)).status, 'archived');
    assert.equal(await page.getByRole('tab', { name: '編集' }).count(), 0, 'an archived journey is not edited');
    await context.close();
  });

  it('shows the win-back preset with its branch, conditions and staff note in words', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    const winBack = await post<Journey>(page, '/journey-presets/win_back/install', {});
    await page.goto(`/journeys/${winBack.id}`);
    await page.getByTestId('journey-trigger').getByText('P(生存)が0.5を下回ったとき', { exact: true }).waitFor();
    const branch = page.locator('[data-step="high_value"]');
    await branch.getByText('条件で分ける', { exact: true }).first().waitFor();
    await branch
      .getByText(
        `もし RFM が「優良顧客」・「常連」・「離反リスク」・「失いたくない顧客」 または 予測LTVが${yen.format(20_000)}以上 なら`,
      )
      .waitFor();
    await branch.locator('[data-arm="0"] [data-step="wait_14d"]').getByText('14日待つ', { exact: true }).waitFor();
    await branch.locator('[data-arm="0"] [data-step="tell_staff"]').getByTestId('staff-message').waitFor();
    await branch.locator('[data-arm="otherwise"] [data-step="not_eligible"]').getByText('ここで終了する').waitFor();
    await page.getByTestId('journey-exit').getByText('途中でご来店またはご予約があれば終了します。').waitFor();
    await page.getByTestId('journey-reentry').getByText('終わったお客様は、90日たてばまた参加できます。').waitFor();
    await context.close();
  });

  it('lets an analyst read a journey but not change it, and hides journeys from staff', async () => {
    const analyst = await newPage(app);
    await logIn(analyst.page, app.accounts.analyst);
    await analyst.page.getByRole('link', { name: 'ステップ配信' }).click();
    const row = analyst.page
      .getByRole('table', { name: 'ステップ配信' })
      .locator(`tr:has(a[href="/journeys/${journey.id}"])`);
    await row.getByRole('link', { name: journey.name }).waitFor();
    assert.equal(await analyst.page.getByRole('button', { name: '新しいステップ配信' }).count(), 0);
    assert.equal(await analyst.page.getByRole('button', { name: 'プリセットから始める' }).count(), 0);
    await row.getByRole('link', { name: journey.name }).click();
    await analyst.page.getByTestId('journey-trigger').waitFor();
    await analyst.page.getByRole('tab', { name: 'バージョン' }).waitFor();
    assert.equal(await analyst.page.getByRole('tab', { name: '編集' }).count(), 0);
    for (const action of ['開始する', '一時停止', 'アーカイブ']) {
      assert.equal(await analyst.page.getByRole('button', { name: action }).count(), 0, action);
    }
    await analyst.page.getByRole('tab', { name: '参加者' }).click();
    await analyst.page.getByRole('table', { name: '参加者' }).waitFor();
    await analyst.page.goto('/journeys/presets');
    await analyst.page.getByText('この画面は表示できません').waitFor();
    await analyst.context.close();

    const staff = await newPage(app);
    await logIn(staff.page, app.accounts.staff);
    await staff.page.getByRole('link', { name: '顧客' }).waitFor();
    assert.equal(await staff.page.getByRole('link', { name: 'ステップ配信' }).count(), 0);
    await staff.context.close();
  });

  it('creates a journey from scratch: a draft that waits a day and sends, read back as steps', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.goto('/journeys');
    await page.getByRole('button', { name: '新しいステップ配信' }).click();
    const dialog = page.getByRole('dialog', { name: '新しいステップ配信' });
    await dialog.getByLabel('名前').fill('誕生日の前に');
    await dialog.getByRole('combobox', { name: 'きっかけ', exact: true }).click();
    await page.getByRole('option', { name: '誕生日の7日前', exact: true }).click();
    await dialog.getByRole('combobox', { name: '送る LINE テンプレート', exact: true }).click();
    await page.getByRole('option', { name: 'ご来店お礼 (LINE)', exact: true }).click();
    await dialog.getByRole('button', { name: '下書きを作る' }).click();
    await page.waitForURL(/\/journeys\/[0-9a-f-]{36}$/);
    const created = await getJson<Journey>(page, `/journeys/${page.url().split('/').pop() ?? ''}`);
    assert.equal(created.name, '誕生日の前に');
    assert.deepEqual(created.definition.trigger, { type: 'birthday', daysBefore: 7 });
    await page.getByTestId('journey-trigger').getByText('誕生日の7日前', { exact: true }).waitFor();
    await page.locator('[data-step="wait"]').getByText('1日待つ', { exact: true }).waitFor();
    await page.locator('[data-step="send"]').getByText('ご来店お礼 (LINE)', { exact: true }).waitFor();
    await context.close();
  });

  it('speaks English', async () => {
    const { context, page } = await newPage(app);
    await logIn(page, app.accounts.owner);
    await page.evaluate("localStorage.setItem('kayoi.language', 'en')");
    await page.goto('/journeys');
    await page.getByRole('link', { name: 'Journeys' }).first().waitFor();
    await page.getByRole('button', { name: 'New journey' }).waitFor();
    await page.getByRole('button', { name: 'Start from a preset' }).waitFor();
    await page.getByRole('link', { name: journey.name }).click();
    await page.getByTestId('journey-trigger').getByText('After a visit', { exact: true }).waitFor();
    await page.locator('[data-step="wait_1h"]').getByText('Wait 2 hours', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Customers' }).click();
    await page.getByRole('columnheader', { name: 'Current step' }).waitFor();
    await context.close();
  });

  it('fits a phone: the list and the journey do not scroll sideways', async () => {
    const { context, page } = await newPage(app, { viewport: PHONE });
    await logIn(page, app.accounts.owner);
    await page.goto('/journeys');
    await page.getByRole('link', { name: journey.name }).waitFor();
    const listWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(listWidth <= PHONE.width, `list: no sideways scroll (${listWidth}px)`);
    await page.getByRole('link', { name: journey.name }).click();
    await page.getByTestId('journey-steps').waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(width <= PHONE.width, `journey: no sideways scroll (${width}px)`);
    await screenshot(page, 'journey-phone');
    await page.getByRole('tab', { name: '編集' }).click();
    await page.getByTestId('journey-editor').waitFor();
    const editorWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(editorWidth <= PHONE.width, `editor: no sideways scroll (${editorWidth}px)`);
    await page.goto('/journeys/presets');
    await page.locator('[data-preset="birthday"]').waitFor();
    const presetsWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(presetsWidth <= PHONE.width, `presets: no sideways scroll (${presetsWidth}px)`);
    await context.close();
  });
});

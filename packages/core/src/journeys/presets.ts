import type { JourneyDefinition, JourneyStep, SendTemplates } from '@kayoi/contracts';
import { presetTemplateTexts, type PresetTemplateKey, type PresetTemplates } from './presetTemplates.js';

/**
 * Lifecycle automations ready to switch on. A preset's send steps name a `templateKey`
 * instead of template ids: the installer creates the preset's templates (`templates`), then
 * binds their ids with bindPresetTemplatesOrThrow to get an ordinary JourneyDefinition.
 * Each preset recommends a 10 % holdout and names the outcome its report measures.
 */

export type PresetSendStep = { id: string; type: 'send'; templateKey: PresetTemplateKey; next: string | null };
export type PresetStep = Exclude<JourneyStep, { type: 'send' }> | PresetSendStep;
export type PresetJourneyDefinition = Omit<JourneyDefinition, 'steps'> & { steps: PresetStep[] };

export type LifecyclePresetKey =
  'thank_you' | 'aftercare_day2' | 'next_visit_reminder' | 'birthday' | 'win_back' | 'review_request';

export interface LifecyclePreset {
  readonly key: LifecyclePresetKey;
  readonly name: { readonly ja: string; readonly en: string };
  readonly description: { readonly ja: string; readonly en: string };
  readonly definition: PresetJourneyDefinition;
  readonly templates: Readonly<Partial<Record<PresetTemplateKey, PresetTemplates>>>;
  /** Share of enrolled customers held out (no messages) to measure the lift. */
  readonly recommendedHoldoutShare: number;
  /** What counts as success: a visit within this many days of enrolment. */
  readonly outcome: { readonly type: 'visit_within_days'; readonly days: number };
}

/** Demo-menu categories (core/demo/catalog.ts); salons with other names edit the branch. */
export const COLOUR_CATEGORIES = ['カラー'];
export const PERM_CATEGORIES = ['パーマ', '縮毛矯正'];
/** RFM segments of customers who have spent well; with a predicted value floor, "high value". */
export const HIGH_VALUE_SEGMENTS = ['champions', 'loyal', 'at_risk', 'cant_lose'] as const;
export const HIGH_VALUE_MIN_PREDICTED_CLV = 20_000;

const send = (id: string, templateKey: PresetTemplateKey, next: string | null = null): PresetSendStep => ({
  id,
  type: 'send',
  templateKey,
  next,
});
const templatesOf = (...keys: PresetTemplateKey[]) =>
  Object.fromEntries(keys.map((k) => [k, presetTemplateTexts[k]])) as Partial<
    Record<PresetTemplateKey, PresetTemplates>
  >;
const noExit = { visit: false, booking: false };
const HOLDOUT = 0.1;

export const lifecyclePresets: readonly LifecyclePreset[] = [
  {
    key: 'thank_you',
    name: { ja: 'ご来店お礼', en: 'Thank-you after a visit' },
    description: {
      ja: 'ご来店の1時間後に、その日のうちにお礼のメッセージを送ります。',
      en: 'Sends a thank-you the same day, an hour after the visit.',
    },
    definition: {
      trigger: { type: 'any_visit' },
      entryStepId: 'wait_1h',
      steps: [
        { id: 'wait_1h', type: 'wait', duration: { days: 0, hours: 1, minutes: 0 }, next: 'send' },
        send('send', 'thank_you'),
      ],
      exitOn: noExit,
      reentry: { policy: 'after_exit', cooldownDays: 0 },
    },
    templates: templatesOf('thank_you'),
    recommendedHoldoutShare: HOLDOUT,
    outcome: { type: 'visit_within_days', days: 90 },
  },
  {
    key: 'aftercare_day2',
    name: { ja: '2日後のアフターケア', en: 'Day-2 aftercare' },
    description: {
      ja: 'ご来店の2日後の12時に、施術（カラー・パーマ・その他）に合わせたお手入れのご案内を送ります。',
      en: 'Two days after the visit at noon, sends care tips for the service: colour, perm or other.',
    },
    definition: {
      trigger: { type: 'any_visit' },
      entryStepId: 'wait_day2',
      steps: [
        { id: 'wait_day2', type: 'wait_until', time: '12:00', dayOffset: 2, next: 'by_service' },
        {
          id: 'by_service',
          type: 'branch',
          branches: [
            { when: { type: 'last_visit_category', categories: COLOUR_CATEGORIES }, next: 'send_colour' },
            { when: { type: 'last_visit_category', categories: PERM_CATEGORIES }, next: 'send_perm' },
          ],
          otherwise: 'send_general',
        },
        send('send_colour', 'aftercare_colour'),
        send('send_perm', 'aftercare_perm'),
        send('send_general', 'aftercare_general'),
      ],
      // A visit in between starts a new aftercare for that visit.
      exitOn: { visit: true, booking: false },
      reentry: { policy: 'after_exit', cooldownDays: 0 },
    },
    templates: templatesOf('aftercare_colour', 'aftercare_perm', 'aftercare_general'),
    recommendedHoldoutShare: HOLDOUT,
    outcome: { type: 'visit_within_days', days: 90 },
  },
  {
    key: 'next_visit_reminder',
    name: { ja: '次回来店のご案内', en: 'Next-visit reminder' },
    description: {
      ja: 'お客様ご自身の来店周期（履歴が少ない間は店舗のメニュー別平均に寄せた値）で来店時期になった日の10時にご案内します。予約・来店で終了します。',
      en: "At 10:00 on the day a customer is due by their own cycle (shrunk toward the shop's per-service average while their history is short). Ends on a booking or visit.",
    },
    definition: {
      trigger: { type: 'due_by_cycle', daysAfterDue: 0 },
      entryStepId: 'at_10',
      steps: [
        { id: 'at_10', type: 'wait_until', time: '10:00', dayOffset: 0, next: 'send' },
        send('send', 'next_visit'),
      ],
      exitOn: { visit: true, booking: true },
      reentry: { policy: 'after_exit', cooldownDays: 14 },
    },
    templates: templatesOf('next_visit'),
    recommendedHoldoutShare: HOLDOUT,
    outcome: { type: 'visit_within_days', days: 30 },
  },
  {
    key: 'birthday',
    name: { ja: 'お誕生日メッセージ', en: 'Birthday message' },
    description: {
      ja: 'お誕生日の7日前の10時に、お祝いと特典のご案内を送ります。',
      en: 'Sends birthday wishes and a gift offer at 10:00, seven days before the birthday.',
    },
    definition: {
      trigger: { type: 'birthday', daysBefore: 7 },
      entryStepId: 'at_10',
      steps: [{ id: 'at_10', type: 'wait_until', time: '10:00', dayOffset: 0, next: 'send' }, send('send', 'birthday')],
      exitOn: noExit,
      // Once a year: the next birthday is 365 days on, the cooldown only guards against a re-run scan.
      reentry: { policy: 'after_exit', cooldownDays: 300 },
    },
    templates: templatesOf('birthday'),
    recommendedHoldoutShare: HOLDOUT,
    outcome: { type: 'visit_within_days', days: 45 },
  },
  {
    key: 'win_back',
    name: { ja: '休眠しそうな優良顧客の呼び戻し', en: 'Win back at-risk, high-value customers' },
    description: {
      ja: '生存確率が50%を下回った優良顧客（RFMで優良層、または予測LTV2万円以上）に11時にメッセージを送り、14日たっても来店がなければスタッフに知らせます。',
      en: 'When P(alive) falls below 50 % for a high-value customer (a valuable RFM segment or predicted value of ¥20,000+), sends a message at 11:00 and tells staff if they have not returned 14 days later.',
    },
    definition: {
      trigger: { type: 'p_alive_below', threshold: 0.5 },
      entryStepId: 'high_value',
      steps: [
        {
          id: 'high_value',
          type: 'branch',
          branches: [
            {
              when: {
                type: 'any',
                conditions: [
                  { type: 'rfm_segment', segments: [...HIGH_VALUE_SEGMENTS] },
                  { type: 'predicted_clv', gte: HIGH_VALUE_MIN_PREDICTED_CLV },
                ],
              },
              next: 'at_11',
            },
          ],
          otherwise: 'not_eligible',
        },
        { id: 'at_11', type: 'wait_until', time: '11:00', dayOffset: 0, next: 'send' },
        send('send', 'win_back', 'wait_14d'),
        { id: 'wait_14d', type: 'wait', duration: { days: 14, hours: 0, minutes: 0 }, next: 'tell_staff' },
        {
          id: 'tell_staff',
          type: 'notify_staff',
          message: '呼び戻しメッセージから14日、まだご来店がありません。お電話などでのフォローをご検討ください。',
          next: null,
        },
        { id: 'not_eligible', type: 'exit' },
      ],
      exitOn: { visit: true, booking: true },
      reentry: { policy: 'after_exit', cooldownDays: 90 },
    },
    templates: templatesOf('win_back'),
    recommendedHoldoutShare: HOLDOUT,
    outcome: { type: 'visit_within_days', days: 60 },
  },
  {
    key: 'review_request',
    name: { ja: 'ご感想のお願い', en: 'Review request' },
    description: {
      ja: 'ご来店の翌日18時にご感想をお願いします。半年に1回までです。',
      en: 'Asks for a review at 18:00 the day after a visit, at most once every six months.',
    },
    definition: {
      trigger: { type: 'any_visit' },
      entryStepId: 'next_day_18',
      steps: [
        { id: 'next_day_18', type: 'wait_until', time: '18:00', dayOffset: 1, next: 'send' },
        send('send', 'review_request'),
      ],
      exitOn: noExit,
      reentry: { policy: 'after_exit', cooldownDays: 180 },
    },
    templates: templatesOf('review_request'),
    recommendedHoldoutShare: HOLDOUT,
    outcome: { type: 'visit_within_days', days: 90 },
  },
];

export function lifecyclePresetByKey(key: LifecyclePresetKey): LifecyclePreset {
  return lifecyclePresets.find((p) => p.key === key)!;
}

/** The preset as a plain definition, its template keys replaced by the installed templates' ids. */
export function bindPresetTemplatesOrThrow(
  definition: PresetJourneyDefinition,
  templateIds: Readonly<Partial<Record<PresetTemplateKey, SendTemplates>>>,
): JourneyDefinition {
  const steps = definition.steps.map((step): JourneyStep => {
    if (step.type !== 'send') return step;
    const templates = templateIds[step.templateKey];
    if (!templates) throw new Error(`no template ids for ${step.templateKey}`);
    return { id: step.id, type: 'send', templates, next: step.next };
  });
  return { ...definition, steps };
}

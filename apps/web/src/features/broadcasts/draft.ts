import type { Broadcast, DeliveryChannel } from '@kayoi/contracts';
import type { BroadcastInput, PowerRequest } from './api';

export const channelOrders = ['default', 'line,email', 'email,line', 'line', 'email'] as const;
export type ChannelOrderChoice = (typeof channelOrders)[number];

/** The editor's form: every field as the inputs hold it, '' for "not chosen". */
export interface BroadcastDraft {
  name: string;
  segmentId: string;
  line: string;
  email: string;
  order: ChannelOrderChoice;
  holdoutPercent: number | string;
  outcomeKind: 'visit' | 'revenue';
  days: number | string;
  abTest: boolean;
  lineB: string;
  emailB: string;
}

export function draftOf(broadcast: Broadcast | undefined, defaultHoldoutPercent: number): BroadcastDraft {
  const order = broadcast?.channelOrder ? (broadcast.channelOrder.join(',') as ChannelOrderChoice) : 'default';
  return {
    name: broadcast?.name ?? '',
    segmentId: broadcast?.segmentId ?? '',
    line: broadcast?.templates.line ?? '',
    email: broadcast?.templates.email ?? '',
    order: channelOrders.includes(order) ? order : 'default',
    holdoutPercent: broadcast?.holdoutPercent ?? defaultHoldoutPercent,
    outcomeKind: broadcast?.outcome.kind ?? 'visit',
    days: broadcast?.outcome.days ?? 30,
    abTest: Boolean(broadcast?.variantB),
    lineB: broadcast?.variantB?.line ?? '',
    emailB: broadcast?.variantB?.email ?? '',
  };
}

const templatesOf = (line: string, email: string) => ({
  ...(line ? { line } : {}),
  ...(email ? { email } : {}),
});

const wholeIn = (value: number | string, min: number, max: number): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : null;

/** What the power preview is asked; null while the segment or a number is missing. */
export function powerRequestOf(draft: BroadcastDraft): PowerRequest | null {
  const holdoutPercent = wholeIn(draft.holdoutPercent, 0, 50);
  const days = wholeIn(draft.days, 1, 180);
  if (!draft.segmentId || holdoutPercent === null || days === null) return null;
  return { segmentId: draft.segmentId, holdoutPercent, outcome: { kind: draft.outcomeKind, days } };
}

/** The API's body; the API checks it again (channels of the templates, an archived segment…). */
export function inputOf(draft: BroadcastDraft): BroadcastInput {
  return {
    name: draft.name.trim(),
    segmentId: draft.segmentId,
    templates: templatesOf(draft.line, draft.email),
    variantB: draft.abTest ? templatesOf(draft.lineB, draft.emailB) : null,
    channelOrder: draft.order === 'default' ? null : (draft.order.split(',') as DeliveryChannel[]),
    holdoutPercent: typeof draft.holdoutPercent === 'number' ? draft.holdoutPercent : Number(draft.holdoutPercent),
    outcome: { kind: draft.outcomeKind, days: typeof draft.days === 'number' ? draft.days : Number(draft.days) },
  };
}

/** Enough to ask the API: a name, a segment, a template, valid numbers, and B's templates when testing. */
export function isComplete(draft: BroadcastDraft): boolean {
  return (
    draft.name.trim() !== '' &&
    powerRequestOf(draft) !== null &&
    (draft.line !== '' || draft.email !== '') &&
    (!draft.abTest || draft.lineB !== '' || draft.emailB !== '')
  );
}

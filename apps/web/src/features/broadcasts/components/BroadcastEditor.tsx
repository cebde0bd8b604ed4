import {
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { Broadcast, MessageTemplate } from '@kayoi/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe, useTimeZone } from '../../../auth/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSegmentList } from '../../segments/api';
import { usePowerPreview, useSaveBroadcast, useTemplateOptions } from '../api';
import { channelOrders, draftOf, inputOf, isComplete, powerRequestOf, type BroadcastDraft } from '../draft';
import { CancelButton } from './CancelButton';
import { PowerPanel } from './PowerPanel';
import { ScheduleDialog } from './ScheduleDialog';

/** The "not used" option: Select keeps '' for no value at all. */
const NONE = 'none';
const lineChannels = new Set<MessageTemplate['channel']>(['line_text', 'line_flex']);

/** A draft broadcast: who, what, how it is judged, the live power preview, then send or schedule. */
export function BroadcastEditor({ broadcast }: { broadcast: Broadcast | undefined }) {
  const { t } = useTranslation('broadcasts');
  const navigate = useNavigate();
  const me = useMe().data;
  const messaging = me?.tenant.settings.messaging;
  const timeZone = useTimeZone();
  const [draft, setDraft] = useState<BroadcastDraft>(() => draftOf(broadcast, messaging?.defaultHoldoutPercent ?? 10));
  const [scheduling, setScheduling] = useState<'now' | 'at' | null>(null);
  const set = <K extends keyof BroadcastDraft>(key: K, value: BroadcastDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const segments = useSegmentList();
  const templates = useTemplateOptions();
  const save = useSaveBroadcast();
  const powerJson = useMemo(() => {
    const request = powerRequestOf(draft);
    return request ? JSON.stringify(request) : null;
  }, [draft]);
  // 400 ms after the last change, so typing "25" asks once.
  const [debouncedPower] = useDebouncedValue(powerJson, 400);
  const power = usePowerPreview(debouncedPower);
  const dirty = useMemo(
    () =>
      !broadcast ||
      JSON.stringify(inputOf(draft)) !==
        JSON.stringify(inputOf(draftOf(broadcast, messaging?.defaultHoldoutPercent ?? 10))),
    [broadcast, draft, messaging],
  );

  const segmentOptions = (segments.data ?? [])
    .filter((s) => !s.archived || s.id === draft.segmentId)
    .map((s) => ({ value: s.id, label: s.name }));
  const templateOptions = (line: boolean) => [
    { value: NONE, label: t('editor.none') },
    ...(templates.data ?? [])
      .filter((tpl) => lineChannels.has(tpl.channel) === line)
      .map((tpl) => ({ value: tpl.id, label: tpl.name })),
  ];
  const businessOrder = (messaging?.channelOrder ?? ['line', 'email']).map((c) => t(`channel.${c}`)).join(' → ');
  const orderOptions = channelOrders.map((o) => ({
    value: o,
    label: o === 'default' ? t('editor.order.default', { order: businessOrder }) : t(`editor.order.${o}`),
  }));

  const onSave = () =>
    save.mutate(
      { id: broadcast?.id, input: inputOf(draft) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('editor.saved') });
          if (!broadcast) void navigate(`/broadcasts/${saved.id}`, { replace: true });
        },
      },
    );

  const picker = (label: string, key: 'line' | 'email' | 'lineB' | 'emailB', line: boolean) => (
    <Select
      label={label}
      data={templateOptions(line)}
      value={draft[key] || NONE}
      onChange={(v) => set(key, !v || v === NONE ? '' : v)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <Stack gap="md">
      <Title order={3}>{broadcast ? broadcast.name : t('newTitle')}</Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <TextInput
                label={t('editor.name')}
                value={draft.name}
                onChange={(e) => set('name', e.currentTarget.value)}
                required
                maxLength={100}
              />
              <Select
                label={t('editor.segment')}
                placeholder={t('editor.segmentPlaceholder')}
                data={segmentOptions}
                value={draft.segmentId || null}
                onChange={(v) => set('segmentId', v ?? '')}
                searchable
                required
              />
              <Group grow align="flex-start" gap="sm" wrap="wrap">
                {picker(t('editor.lineTemplate'), 'line', true)}
                {picker(t('editor.emailTemplate'), 'email', false)}
              </Group>
              <Text size="xs" c="dimmed">
                {t('editor.templatesHint')}
              </Text>
              <Select
                label={t('editor.channelOrder')}
                description={t('editor.channelOrderHint')}
                data={orderOptions}
                value={draft.order}
                onChange={(v) => set('order', (v ?? 'default') as BroadcastDraft['order'])}
                allowDeselect={false}
              />
              <NumberInput
                label={t('editor.holdout')}
                description={t('editor.holdoutHint')}
                value={draft.holdoutPercent}
                onChange={(v) => set('holdoutPercent', v)}
                min={0}
                max={50}
                allowDecimal={false}
                allowNegative={false}
              />
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('editor.outcome')}
                </Text>
                <Group gap="sm" align="flex-end" wrap="wrap">
                  <SegmentedControl
                    aria-label={t('editor.outcome')}
                    value={draft.outcomeKind}
                    onChange={(v) => set('outcomeKind', v as BroadcastDraft['outcomeKind'])}
                    data={[
                      { value: 'visit', label: t('editor.outcomeKind.visit') },
                      { value: 'revenue', label: t('editor.outcomeKind.revenue') },
                    ]}
                  />
                  <NumberInput
                    label={t('editor.days')}
                    value={draft.days}
                    onChange={(v) => set('days', v)}
                    min={1}
                    max={180}
                    allowDecimal={false}
                    allowNegative={false}
                    w={120}
                  />
                </Group>
                <Text size="xs" c="dimmed">
                  {t(`editor.outcomeSummary.${draft.outcomeKind}`, { days: draft.days })}
                </Text>
              </Stack>
              <Switch
                label={t('editor.abTest')}
                checked={draft.abTest}
                onChange={(e) => set('abTest', e.currentTarget.checked)}
              />
              {draft.abTest && (
                <Group grow align="flex-start" gap="sm" wrap="wrap">
                  {picker(t('editor.variantLine'), 'lineB', true)}
                  {picker(t('editor.variantEmail'), 'emailB', false)}
                </Group>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <PowerPanel
              preview={power.data}
              fetching={power.isFetching}
              idle={debouncedPower === null}
              days={Number(draft.days) || 30}
            />
            {power.isError && <ErrorAlert error={power.error} />}
            <ErrorAlert error={save.error} />
            <Group gap="xs">
              <Button onClick={onSave} loading={save.isPending} disabled={!isComplete(draft) || !dirty}>
                {t('editor.save')}
              </Button>
              {broadcast && <CancelButton broadcast={broadcast} />}
            </Group>
            {broadcast && (
              <Stack gap="xs">
                {dirty && (
                  <Text size="xs" c="dimmed">
                    {t('editor.unsaved')}
                  </Text>
                )}
                <Group gap="xs">
                  <Button color="teal" disabled={dirty} onClick={() => setScheduling('now')}>
                    {t('editor.sendNow')}
                  </Button>
                  <Button variant="light" disabled={dirty} onClick={() => setScheduling('at')}>
                    {t('editor.scheduleAt')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {broadcast && (
        <ScheduleDialog
          key={scheduling ?? 'closed'}
          broadcast={broadcast}
          mode={scheduling}
          preview={power.data}
          timeZone={timeZone}
          onClose={() => setScheduling(null)}
        />
      )}
    </Stack>
  );
}

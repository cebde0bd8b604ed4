import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import {
  JourneyDefinition,
  type Journey,
  type JourneyPatch,
  type JourneyStep,
  type JourneyTrigger,
} from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useJourneyTemplates, useUpdateJourney } from '../api';
import { describeStep, describeTrigger, problemsByStep } from '../describe';
import { useNames } from '../useNames';
import { StepFields } from './StepFields';

const int = (value: string | number) => (typeof value === 'number' ? value : Number(value) || 0);

function Problems({ title, messages }: { title: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={title} data-testid="step-problems">
      <List size="sm">
        {messages.map((m, i) => (
          <List.Item key={i}>{m}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The numbers a trigger carries, editable in place; which trigger it is stays. */
function TriggerFields({ trigger, onChange }: { trigger: JourneyTrigger; onChange: (t: JourneyTrigger) => void }) {
  const { t } = useTranslation('journeys');
  switch (trigger.type) {
    case 'birthday':
    case 'date_attribute_anniversary':
      return (
        <NumberInput
          label={t('editor.triggerDays')}
          min={0}
          max={60}
          allowDecimal={false}
          value={trigger.daysBefore}
          onChange={(v) => onChange({ ...trigger, daysBefore: int(v) })}
        />
      );
    case 'due_by_cycle':
      return (
        <NumberInput
          label={t('editor.triggerDaysAfter')}
          min={0}
          max={90}
          allowDecimal={false}
          value={trigger.daysAfterDue}
          onChange={(v) => onChange({ ...trigger, daysAfterDue: int(v) })}
        />
      );
    case 'p_alive_below':
      return (
        <NumberInput
          label={t('editor.threshold')}
          min={0.01}
          max={0.99}
          step={0.05}
          decimalScale={2}
          value={trigger.threshold}
          onChange={(v) => onChange({ ...trigger, threshold: typeof v === 'number' ? v : Number(v) })}
        />
      );
    default:
      return null;
  }
}

/**
 * A structured edit of the existing step graph: names, numbers, templates and texts, not the
 * shape. Saving a changed definition makes a new version; the JSON view changes anything.
 */
export function JourneyEditor({ journey, onSaved }: { journey: Journey; onSaved: () => void }) {
  const { t } = useTranslation('journeys');
  const names = useNames();
  const templates = useJourneyTemplates();
  const update = useUpdateJourney();
  const [name, setName] = useState(journey.name);
  const [holdout, setHoldout] = useState<number>(journey.holdoutPercent);
  const [outcome, setOutcome] = useState(journey.outcome);
  const [definition, setDefinition] = useState<JourneyDefinition>(journey.definition);
  const [json, setJson] = useState(() => JSON.stringify(journey.definition, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);

  const problems =
    update.error instanceof ApiError && update.error.code === 'JOURNEY_DEFINITION_INVALID'
      ? problemsByStep(update.error.details)
      : null;
  const setStep = (index: number, step: JourneyStep) => {
    const steps = definition.steps.map((s, i) => (i === index ? step : s));
    setDefinition({ ...definition, steps });
    setJson(JSON.stringify({ ...definition, steps }, null, 2));
  };
  const change = (next: JourneyDefinition) => {
    setDefinition(next);
    setJson(JSON.stringify(next, null, 2));
  };
  const applyJson = () => {
    try {
      const parsed = JourneyDefinition.safeParse(JSON.parse(json));
      if (!parsed.success) {
        setJsonError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' / '));
        return;
      }
      setJsonError(null);
      setDefinition(parsed.data);
    } catch (err) {
      setJsonError(t('editor.jsonInvalid', { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  const save = () => {
    const patch: z.input<typeof JourneyPatch> = {};
    if (name.trim() !== journey.name) patch.name = name.trim();
    if (holdout !== journey.holdoutPercent) patch.holdoutPercent = holdout;
    if (JSON.stringify(outcome) !== JSON.stringify(journey.outcome)) patch.outcome = outcome;
    if (JSON.stringify(definition) !== JSON.stringify(journey.definition)) patch.definition = definition;
    if (Object.keys(patch).length === 0) {
      notifications.show({ message: t('editor.noChanges') });
      return;
    }
    update.mutate(
      { id: journey.id, patch },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('editor.saved', { version: saved.version }) });
          onSaved();
        },
      },
    );
  };
  const reentry = definition.reentry;

  return (
    <Stack gap="md" data-testid="journey-editor">
      <Alert color="blue" variant="light">
        {t('editor.versionNote')}
      </Alert>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <TextInput label={t('editor.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Group gap="sm" grow align="flex-start">
            <NumberInput
              label={t('editor.holdout')}
              description={t('editor.holdoutHint')}
              min={0}
              max={50}
              allowDecimal={false}
              value={holdout}
              onChange={(v) => setHoldout(int(v))}
            />
            <Select
              label={t('editor.outcomeKind')}
              data={(['visit', 'revenue'] as const).map((k) => ({ value: k, label: t(`editor.outcomeKinds.${k}`) }))}
              value={outcome.kind}
              onChange={(v) => setOutcome({ ...outcome, kind: v === 'revenue' ? 'revenue' : 'visit' })}
              allowDeselect={false}
            />
            <NumberInput
              label={t('editor.days')}
              min={1}
              max={180}
              allowDecimal={false}
              value={outcome.days}
              onChange={(v) => setOutcome({ ...outcome, days: int(v) })}
            />
          </Group>
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4} size="h6">
            {t('detail.trigger')}
          </Title>
          <Text size="sm" data-testid="editor-trigger">
            {describeTrigger(t, definition.trigger, names)}
          </Text>
          <TriggerFields trigger={definition.trigger} onChange={(trigger) => change({ ...definition, trigger })} />
        </Stack>
      </Paper>

      <Problems title={t('editor.generalProblems')} messages={problems?.get(-1)} />
      {definition.steps.map((step, index) => (
        <Paper key={`${index}-${step.id}`} withBorder p="md" data-edit-step={step.id}>
          <Stack gap="xs">
            <Group gap="xs" wrap="wrap">
              <Code>{step.id}</Code>
              <Text size="sm" fw={600}>
                {describeStep(t, step)}
              </Text>
            </Group>
            <StepFields step={step} templates={templates.data ?? []} onChange={(s) => setStep(index, s)} />
            <Problems title={t('editor.problems')} messages={problems?.get(index)} />
          </Stack>
        </Paper>
      ))}

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4} size="h6">
            {t('detail.rules')}
          </Title>
          <Checkbox
            label={t('editor.exitVisit')}
            checked={definition.exitOn.visit}
            onChange={(e) =>
              change({ ...definition, exitOn: { ...definition.exitOn, visit: e.currentTarget.checked } })
            }
          />
          <Checkbox
            label={t('editor.exitBooking')}
            checked={definition.exitOn.booking}
            onChange={(e) =>
              change({ ...definition, exitOn: { ...definition.exitOn, booking: e.currentTarget.checked } })
            }
          />
          <Group gap="sm" grow align="flex-start">
            <Select
              label={t('editor.reentry')}
              data={[
                { value: 'never', label: t('editor.reentryNever') },
                { value: 'after_exit', label: t('editor.reentryAfter') },
              ]}
              value={reentry.policy}
              onChange={(v) =>
                change({
                  ...definition,
                  reentry: v === 'never' ? { policy: 'never' } : { policy: 'after_exit', cooldownDays: 0 },
                })
              }
              allowDeselect={false}
            />
            {reentry.policy === 'after_exit' && (
              <NumberInput
                label={t('editor.cooldownDays')}
                min={0}
                max={3650}
                allowDecimal={false}
                value={reentry.cooldownDays}
                onChange={(v) => change({ ...definition, reentry: { policy: 'after_exit', cooldownDays: int(v) } })}
              />
            )}
          </Group>
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Textarea
            label={t('editor.json')}
            autosize
            minRows={6}
            maxRows={20}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
            value={json}
            onChange={(e) => setJson(e.currentTarget.value)}
            error={jsonError}
          />
          <Group>
            <Button variant="default" onClick={applyJson}>
              {t('editor.applyJson')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      {update.error && !problems ? <ErrorAlert error={update.error} /> : null}
      {problems && (
        <Alert color="red" role="alert" icon={<IconAlertTriangle size={18} />}>
          {update.error instanceof Error ? update.error.message : ''}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={save} loading={update.isPending}>
          {t('editor.save')}
        </Button>
      </Group>
    </Stack>
  );
}

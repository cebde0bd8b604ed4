import { Group, NumberInput, Select, TextInput, Textarea } from '@mantine/core';
import type { JourneyStep, MessageTemplate } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';

const int = (value: string | number) => (typeof value === 'number' ? value : Number(value) || 0);

/** The inputs of one step that a simple edit may change; the graph (`next`, branches) stays as it is. */
export function StepFields({
  step,
  templates,
  onChange,
}: {
  step: JourneyStep;
  templates: MessageTemplate[];
  onChange: (step: JourneyStep) => void;
}) {
  const { t } = useTranslation('journeys');
  switch (step.type) {
    case 'wait':
      return (
        <Group gap="sm" grow>
          {(['days', 'hours', 'minutes'] as const).map((unit) => (
            <NumberInput
              key={unit}
              label={t(`editor.wait${unit[0]!.toUpperCase()}${unit.slice(1)}`)}
              min={0}
              allowDecimal={false}
              value={step.duration[unit]}
              onChange={(v) => onChange({ ...step, duration: { ...step.duration, [unit]: int(v) } })}
            />
          ))}
        </Group>
      );
    case 'wait_until':
      return (
        <Group gap="sm" grow>
          <NumberInput
            label={t('editor.dayOffset')}
            min={0}
            max={30}
            allowDecimal={false}
            value={step.dayOffset}
            onChange={(v) => onChange({ ...step, dayOffset: int(v) })}
          />
          <TextInput
            type="time"
            label={t('editor.time')}
            value={step.time}
            onChange={(e) => onChange({ ...step, time: e.currentTarget.value })}
          />
        </Group>
      );
    case 'send': {
      const options = (channel: 'line' | 'email') => [
        { value: '', label: t('editor.none') },
        ...templates
          .filter((tpl) => (channel === 'email' ? tpl.channel === 'email' : tpl.channel !== 'email'))
          .filter((tpl) => !tpl.archived || tpl.id === step.templates[channel])
          .map((tpl) => ({ value: tpl.id, label: tpl.name })),
      ];
      const set = (channel: 'line' | 'email', value: string | null) => {
        const next = { ...step.templates };
        if (value) next[channel] = value;
        else delete next[channel];
        onChange({ ...step, templates: next });
      };
      return (
        <Group gap="sm" grow align="flex-start">
          <Select
            label={t('editor.lineTemplate')}
            data={options('line')}
            value={step.templates.line ?? ''}
            onChange={(v) => set('line', v)}
            allowDeselect={false}
          />
          <Select
            label={t('editor.emailTemplate')}
            data={options('email')}
            value={step.templates.email ?? ''}
            onChange={(v) => set('email', v)}
            allowDeselect={false}
          />
        </Group>
      );
    }
    case 'add_tag':
      return (
        <TextInput
          label={t('editor.tag')}
          value={step.tag}
          onChange={(e) => onChange({ ...step, tag: e.currentTarget.value })}
        />
      );
    case 'notify_staff':
      return (
        <Textarea
          label={t('editor.message')}
          autosize
          minRows={2}
          value={step.message}
          onChange={(e) => onChange({ ...step, message: e.currentTarget.value })}
        />
      );
    default:
      return null;
  }
}

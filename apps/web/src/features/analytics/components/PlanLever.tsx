import { Group, NumberInput, Paper, Slider, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface Props {
  /** "2回目来店率 +5 ポイント": the lever and its current setting, as the card's title. */
  title: string;
  /** Names the number field and the slider ("2回目来店率の上げ幅（ポイント）"). */
  inputLabel: string;
  value: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  /** While the API is asked for the new setting the last result stays, dimmed. */
  busy: boolean;
  /** Where the lever starts from, e.g. today's rate. */
  context?: ReactNode;
  /** The lever's effect, shown under it so a change and its result sit together. */
  children: ReactNode;
}

const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));

/** One what-if lever: a slider for the thumb, a number field for exact values, and its result. */
export function PlanLever({ title, inputLabel, value, max, step, onChange, busy, context, children }: Props) {
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={4} size="h5" id={id}>
          {title}
        </Title>
        {context && (
          <Text size="sm" c="dimmed">
            {context}
          </Text>
        )}
        <Group gap="sm" wrap="nowrap" align="center">
          <Slider
            flex={1}
            min={0}
            max={max}
            step={step}
            value={value}
            onChange={(v) => onChange(clamp(v, max))}
            thumbLabel={inputLabel}
            label={null}
          />
          <NumberInput
            w={88}
            aria-label={inputLabel}
            min={0}
            max={max}
            step={step}
            clampBehavior="strict"
            allowNegative={false}
            value={value}
            onChange={(v) => onChange(clamp(typeof v === 'number' ? v : Number(v) || 0, max))}
          />
        </Group>
        <Stack gap={6} opacity={busy ? 0.55 : 1} aria-busy={busy}>
          {children}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** A labelled result; <output> is announced when it changes, like a calculator's display. */
export function PlanResult({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  const id = useId();
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" id={id}>
        {label}
      </Text>
      <Text component="output" aria-labelledby={id} fw={strong ? 700 : 500} size={strong ? 'lg' : 'sm'}>
        {value}
      </Text>
    </Group>
  );
}

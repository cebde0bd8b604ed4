import { ActionIcon, Flex, NumberInput, Paper, Select, Switch, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldDef, valueForOp } from '../fields';
import type { ConditionNode } from '../ruleTree';
import type { Option } from './useFieldOptions';
import { ConsentChannelInput, ValueInput } from './ValueInput';
import type { OptionSource } from '../fields';

interface Props {
  node: ConditionNode;
  options: Record<OptionSource, Option[]>;
  problems: string[];
  readOnly: boolean;
  onChange: (node: ConditionNode) => void;
  onRemove: () => void;
}

/** One condition: field, operator and value side by side on a desktop, stacked on a phone. */
export function ConditionEditor({ node, options, problems, readOnly, onChange, onRemove }: Props) {
  const { t } = useTranslation('segments');
  const field = String(node.fields.type);
  const def = fieldDef(field);
  const label = t(`field.${field}`, { defaultValue: field });
  const op = String(node.fields.op);
  const set = (patch: Record<string, unknown>) => onChange({ ...node, fields: { ...node.fields, ...patch } });
  return (
    <Paper
      withBorder
      p="xs"
      role="group"
      aria-label={label}
      style={problems.length ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <fieldset disabled={readOnly} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <Flex direction={{ base: 'column', sm: 'row' }} gap="xs" align={{ base: 'stretch', sm: 'center' }} wrap="wrap">
          <Text fw={500} size="sm" miw={120}>
            {label}
          </Text>
          {def?.kind === 'consent' && (
            <ConsentChannelInput value={node.fields.channel} onChange={(channel) => set({ channel })} />
          )}
          {def && (
            <Select
              aria-label={t('operator')}
              data={def.ops.map((o) => ({ value: o, label: t(`op.${o}`) }))}
              value={op}
              onChange={(next) => next && set({ op: next, value: valueForOp(def, next, node.fields.value) })}
              allowDeselect={false}
              w={{ base: '100%', sm: 140 }}
            />
          )}
          {def && (
            <ValueInput
              def={def}
              op={op}
              value={node.fields.value}
              options={def.options ? options[def.options] : []}
              onChange={(value) => set({ value })}
            />
          )}
          {def?.within && (
            <NumberInput
              aria-label={t('withinDays')}
              placeholder={t('withinDaysPlaceholder')}
              value={typeof node.fields.withinDays === 'number' ? node.fields.withinDays : ''}
              // Empty means "all visits": the property is left out of the rule rather than sent empty.
              onChange={(n) => set({ withinDays: typeof n === 'number' ? n : undefined })}
              min={0}
              w={{ base: '100%', sm: 150 }}
            />
          )}
          <Flex gap="xs" align="center" justify="space-between" style={{ flexGrow: 1 }}>
            <Switch
              label={t('not')}
              checked={node.not}
              onChange={(e) => onChange({ ...node, not: e.currentTarget.checked })}
            />
            <ActionIcon variant="subtle" color="gray" aria-label={t('remove', { name: label })} onClick={onRemove}>
              <IconTrash size={16} />
            </ActionIcon>
          </Flex>
        </Flex>
      </fieldset>
      {problems.map((message, i) => (
        <Text key={i} c="red" size="sm" mt={4} role="alert">
          {message}
        </Text>
      ))}
    </Paper>
  );
}

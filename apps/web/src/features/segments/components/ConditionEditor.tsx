import { ActionIcon, Flex, NumberInput, Paper, Select, Switch, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { attributeCondition, attributeDef, fieldDef, valueForOp, type FieldDef } from '../fields';
import type { ConditionNode } from '../ruleTree';
import type { FieldOptions } from './useFieldOptions';
import { ConsentChannelInput, ValueInput, type ValueShape } from './ValueInput';

interface Props {
  node: ConditionNode;
  options: FieldOptions;
  problems: string[];
  readOnly: boolean;
  onChange: (node: ConditionNode) => void;
  onRemove: () => void;
}

/**
 * The operators and value box of a condition. A custom attribute's come from its type; an
 * attribute not (yet) known keeps its saved operator and is edited as text until it is.
 */
function resolve(fields: Record<string, unknown>, options: FieldOptions): { def: FieldDef; shape: ValueShape } | null {
  const def = fieldDef(String(fields.type));
  if (!def) return null;
  if (def.kind !== 'attribute') {
    const integer = def.kind === 'number' && (def.step === undefined || def.step >= 1);
    const shape: ValueShape = {
      kind: def.kind,
      options: def.options ? options[def.options] : [],
      step: def.step,
      decimalScale: integer ? 0 : def.kind === 'number' ? 2 : undefined,
      numeric: def.options === 'month',
    };
    return { def, shape };
  }
  const attribute = options.attributes.find((a) => a.id === fields.attributeId);
  if (!attribute) return { def: { ...def, ops: [String(fields.op)] }, shape: { kind: 'text', options: [] } };
  const typed = attributeDef(attribute.type);
  const choices = attribute.options.map((o) => ({ value: o.value, label: o.label }));
  return { def: typed, shape: { kind: typed.valueKind, options: choices } };
}

/** One condition: field, operator and value side by side on a desktop, stacked on a phone. */
export function ConditionEditor({ node, options, problems, readOnly, onChange, onRemove }: Props) {
  const { t } = useTranslation('segments');
  const field = String(node.fields.type);
  const resolved = resolve(node.fields, options);
  const attribute = options.attributes.find((a) => a.id === node.fields.attributeId);
  const fieldLabel = t(`field.${field}`, { defaultValue: field });
  // "Custom attribute (hair type)": several attribute conditions stay tellable apart.
  const label = attribute ? t('attributeCondition', { field: fieldLabel, attribute: attribute.label }) : fieldLabel;
  const op = String(node.fields.op);
  const set = (patch: Record<string, unknown>) => onChange({ ...node, fields: { ...node.fields, ...patch } });
  // Archived attributes stay listed only when this condition already uses one.
  const attributeChoices = options.attributes
    .filter((a) => !a.archived || a.id === node.fields.attributeId)
    .map((a) => ({ value: a.id, label: a.label }));
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
            {fieldLabel}
          </Text>
          {resolved?.def.kind === 'consent' && (
            <ConsentChannelInput value={node.fields.channel} onChange={(channel) => set({ channel })} />
          )}
          {resolved?.def.kind === 'attribute' && (
            <Select
              aria-label={t('attribute')}
              placeholder={t('attributePlaceholder')}
              data={attributeChoices}
              value={
                typeof node.fields.attributeId === 'string' && node.fields.attributeId ? node.fields.attributeId : null
              }
              // A new attribute may be of another type: start again from what its type allows.
              onChange={(id) =>
                onChange({ ...node, fields: attributeCondition(options.attributes.find((a) => a.id === id)) })
              }
              allowDeselect={false}
              searchable
              w={{ base: '100%', sm: 160 }}
            />
          )}
          {resolved && (
            <Select
              aria-label={t('operator')}
              data={resolved.def.ops.map((o) => ({ value: o, label: t(`op.${o}`) }))}
              value={op}
              onChange={(next) => next && set({ op: next, value: valueForOp(resolved.def, next, node.fields.value) })}
              allowDeselect={false}
              w={{ base: '100%', sm: 140 }}
            />
          )}
          {resolved && (
            <ValueInput shape={resolved.shape} op={op} value={node.fields.value} onChange={(value) => set({ value })} />
          )}
          {resolved?.def.within && (
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

import { ActionIcon, Button, Flex, Paper, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import { IconFolderPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { attributeCondition, fieldDef, fieldDefs } from '../fields';
import { emptyGroup, newId, type GroupNode, type RuleNode } from '../ruleTree';
import { ConditionEditor } from './ConditionEditor';
import type { FieldOptions } from './useFieldOptions';

interface Props {
  node: GroupNode;
  depth: number;
  options: FieldOptions;
  problemsFor: (id: string) => string[];
  readOnly: boolean;
  onChange: (node: GroupNode) => void;
  onRemove?: () => void;
}

/** Groups nest this deep in the builder; the API allows more, written as JSON. */
const MAX_DEPTH = 2;

/** A group: all / any of its conditions, each edited in place, with a picker to add more. */
export function GroupEditor({ node, depth, options, problemsFor, readOnly, onChange, onRemove }: Props) {
  const { t } = useTranslation('segments');
  const setChild = (i: number, child: RuleNode | null) => {
    const rules = [...node.rules];
    if (child) rules[i] = child;
    else rules.splice(i, 1);
    onChange({ ...node, rules });
  };
  const addCondition = (field: string | null) => {
    const def = field ? fieldDef(field) : undefined;
    if (!def) return;
    // A custom attribute starts on the first live one; its type then decides the operators.
    const fields: Record<string, unknown> =
      def.kind === 'attribute'
        ? attributeCondition(options.attributes.find((a) => !a.archived))
        : { type: def.field, op: def.defaultOp, value: def.defaultValue };
    if (def.kind === 'consent') fields.channel = 'line';
    onChange({ ...node, rules: [...node.rules, { kind: 'condition', id: newId(), not: false, fields }] });
  };
  const label = depth === 0 ? t('rootGroup') : t('subgroup');
  return (
    <Paper
      withBorder={depth > 0}
      p={depth > 0 ? 'xs' : 0}
      role="group"
      aria-label={label}
      bg={depth > 0 ? 'gray.0' : undefined}
    >
      <Stack gap="xs">
        <Flex gap="xs" align="center" wrap="wrap" justify="space-between">
          <SegmentedControl
            aria-label={t('combine')}
            disabled={readOnly}
            data={[
              { value: 'and', label: t('and') },
              { value: 'or', label: t('or') },
            ]}
            value={node.type}
            onChange={(type) => onChange({ ...node, type: type === 'or' ? 'or' : 'and' })}
          />
          <Flex gap="xs" align="center">
            <Switch
              label={t('notGroup')}
              disabled={readOnly}
              checked={node.not}
              onChange={(e) => onChange({ ...node, not: e.currentTarget.checked })}
            />
            {onRemove && !readOnly && (
              <ActionIcon variant="subtle" color="gray" aria-label={t('removeGroup')} onClick={onRemove}>
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Flex>
        </Flex>
        {problemsFor(node.id).map((message, i) => (
          <Text key={i} c="red" size="sm" role="alert">
            {message}
          </Text>
        ))}
        {node.rules.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('emptyGroup')}
          </Text>
        )}
        {node.rules.map((child, i) =>
          child.kind === 'group' ? (
            <GroupEditor
              key={child.id}
              node={child}
              depth={depth + 1}
              options={options}
              problemsFor={problemsFor}
              readOnly={readOnly}
              onChange={(next) => setChild(i, next)}
              onRemove={() => setChild(i, null)}
            />
          ) : (
            <ConditionEditor
              key={child.id}
              node={child}
              options={options}
              problems={problemsFor(child.id)}
              readOnly={readOnly}
              onChange={(next) => setChild(i, next)}
              onRemove={() => setChild(i, null)}
            />
          ),
        )}
        {!readOnly && (
          <Flex gap="xs" direction={{ base: 'column', xs: 'row' }}>
            <Select
              aria-label={depth === 0 ? t('addCondition') : t('addSubCondition')}
              placeholder={t('addCondition')}
              data={fieldDefs.map((d) => ({ value: d.field, label: t(`field.${d.field}`) }))}
              value={null}
              onChange={addCondition}
              searchable
              w={{ base: '100%', xs: 260 }}
            />
            {depth < MAX_DEPTH - 1 && (
              <Button
                variant="light"
                leftSection={<IconFolderPlus size={16} />}
                onClick={() =>
                  onChange({ ...node, rules: [...node.rules, emptyGroup(node.type === 'and' ? 'or' : 'and')] })
                }
              >
                {t('addGroup')}
              </Button>
            )}
          </Flex>
        )}
      </Stack>
    </Paper>
  );
}

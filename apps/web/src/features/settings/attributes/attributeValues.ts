import type {
  AttributeDefinition,
  AttributeDefinitionCreate,
  AttributeDefinitionPatch,
  AttributeType,
} from '@kayoi/contracts';
import { numberOrUndefined } from '../lib/payload';

export interface AttributeFormValues {
  key: string;
  label: string;
  type: AttributeType;
  options: { value: string; label: string }[];
  position: number | string;
}

export const isChoice = (type: AttributeType) => type === 'single_choice' || type === 'multi_choice';

export function initialValues(attribute: AttributeDefinition | undefined, nextPosition: number): AttributeFormValues {
  return {
    key: attribute?.key ?? '',
    label: attribute?.label ?? '',
    type: attribute?.type ?? 'single_choice',
    options: attribute?.options.map((o) => ({ ...o })) ?? [{ value: '', label: '' }],
    position: attribute?.position ?? nextPosition,
  };
}

/**
 * The full definition, also when editing: the create schema is the one that checks options
 * against the type, and key and type cannot change anyway.
 */
export function toCreate(v: AttributeFormValues): AttributeDefinitionCreate {
  return {
    key: v.key.trim(),
    label: v.label.trim(),
    type: v.type,
    // A blank value takes the label: most shops never need a separate code for a choice.
    options: isChoice(v.type)
      ? v.options.map((o) => ({ label: o.label.trim(), value: o.value.trim() || o.label.trim() }))
      : [],
    position: numberOrUndefined(v.position) ?? 0,
  };
}

export function toPatch(v: AttributeFormValues): AttributeDefinitionPatch {
  const { label, options, position } = toCreate(v);
  return { label, options, position };
}

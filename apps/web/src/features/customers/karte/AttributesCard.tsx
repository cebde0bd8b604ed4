import type { AttributeDefinition, AttributeValue, Customer } from '@kayoi/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useAttributes } from '../../../api/reference';
import { formatLocalDate, usePiiView } from '../display';
import { KarteCard } from './Card';
import { Facts } from './Facts';

function shown(def: AttributeDefinition, value: AttributeValue, t: TFunction<'customers'>): string {
  const label = (v: string) => def.options.find((o) => o.value === v)?.label ?? v;
  switch (def.type) {
    case 'single_choice':
      return typeof value === 'string' ? label(value) : String(value);
    case 'multi_choice':
      return Array.isArray(value) ? value.map(label).join('、') : String(value);
    case 'boolean':
      return value === true ? t('attributes.yes') : value === false ? t('attributes.no') : String(value);
    case 'date':
      return typeof value === 'string' ? formatLocalDate(value) : String(value);
    case 'number':
      return typeof value === 'number' ? value.toLocaleString() : String(value);
    case 'text':
      return String(value);
  }
}

/**
 * The shop's own karte fields (hair type, scalp, allergies…), in the shop's order. An archived
 * field still shows a value recorded before it was archived; an empty one is left out.
 */
export function AttributesCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation('customers');
  const definitions = useAttributes().data ?? [];
  const view = usePiiView();
  const hidden = customer.masked.includes('attributes') || view === 'none';
  const visible = [...definitions]
    .sort((a, b) => a.position - b.position)
    .filter((d) => !d.archived || customer.attributes[d.key] !== undefined);
  if (visible.length === 0 && !hidden) return null;
  return (
    <KarteCard title={t('attributes.title')}>
      <Facts
        facts={
          hidden
            ? [{ label: t('attributes.title'), value: null, masked: true }]
            : visible.map((d) => {
                const value = customer.attributes[d.key];
                return { label: d.label, value: value === undefined ? null : shown(d, value, t) };
              })
        }
      />
    </KarteCard>
  );
}

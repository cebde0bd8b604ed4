import { SegmentedControl, SimpleGrid, TextInput } from '@mantine/core';
import type { ItemKind } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { YenInput } from '../components/YenInput';
import type { DraftLine } from '../model/draft';

interface Props {
  line: DraftLine;
  onChange: (patch: Partial<Pick<DraftLine, 'name' | 'kind' | 'unitPrice'>>) => void;
}

/** Something not on the menu: its name, price, and whether it counts as a service or a product sale. */
export function FreeLineFields({ line, onChange }: Props) {
  const { t } = useTranslation('checkout');
  return (
    <>
      <SimpleGrid cols={2} spacing="xs">
        <TextInput
          label={t('lines.freeName')}
          value={line.name}
          onChange={(event) => onChange({ name: event.currentTarget.value })}
          error={line.name.trim() === '' ? t('problems.freeLineName') : undefined}
          maxLength={100}
          autoFocus
        />
        <YenInput
          label={t('lines.unitPrice')}
          value={line.unitPrice}
          onChange={(unitPrice) => onChange({ unitPrice })}
        />
      </SimpleGrid>
      <SegmentedControl
        size="xs"
        value={line.kind}
        onChange={(kind) => onChange({ kind: kind as ItemKind })}
        aria-label={t('lines.kindLabel')}
        data={[
          { value: 'service', label: t('lines.kind.service') },
          { value: 'product', label: t('lines.kind.product') },
        ]}
      />
    </>
  );
}

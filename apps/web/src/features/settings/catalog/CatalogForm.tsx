import { Autocomplete, Group, NumberInput, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CatalogItemCreate, itemKinds, type CatalogItem, type ItemKind } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { referenceKeys } from '../../../api/reference';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { validateWith } from '../../../lib/validation';
import { FormActions } from '../components/FormActions';
import { useSaveRecord } from '../hooks/useSaveRecord';
import { numberOrNull, numberOrUndefined, textOrNull } from '../lib/payload';
import { yenInputProps } from '../lib/yenInput';

interface Values {
  kind: ItemKind;
  name: string;
  category: string;
  price: number | string;
  cost: number | string;
  durationMinutes: number | string;
}

/** What is sent; price stays undefined when empty so the schema reports it as required. */
interface Payload extends Omit<CatalogItemCreate, 'price'> {
  price: number | undefined;
}

const toPayload = (v: Values): Payload => ({
  kind: v.kind,
  name: v.name.trim(),
  category: textOrNull(v.category),
  price: numberOrUndefined(v.price),
  cost: numberOrUndefined(v.cost) ?? 0,
  // A product takes no chair time.
  durationMinutes: v.kind === 'service' ? numberOrNull(v.durationMinutes) : null,
});
const check = validateWith(CatalogItemCreate);

interface Props {
  item?: CatalogItem;
  categories: string[];
  onDone: () => void;
}

export function CatalogForm({ item, categories, onDone }: Props) {
  const { t } = useTranslation('settings');
  const save = useSaveRecord<Payload, CatalogItem>('/catalog/items', item?.id, [referenceKeys.catalog]);
  const form = useForm<Values>({
    initialValues: {
      kind: item?.kind ?? 'service',
      name: item?.name ?? '',
      category: item?.category ?? '',
      price: item?.price ?? '',
      cost: item?.cost ?? '',
      durationMinutes: item?.durationMinutes ?? '',
    },
    validate: (values) => check(toPayload(values)),
  });
  const yen = t('catalog.yenSuffix');
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(toPayload(values), { onSuccess: onDone }))} noValidate>
      <Stack>
        <Radio.Group label={t('catalog.kind')} withAsterisk {...form.getInputProps('kind')}>
          <Group mt="xs">
            {itemKinds.map((kind) => (
              <Radio key={kind} value={kind} label={t(`catalog.kinds.${kind}`)} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput label={t('catalog.name')} required data-autofocus {...form.getInputProps('name')} />
        <Autocomplete
          label={t('catalog.category')}
          description={t('catalog.categoryHelp')}
          data={categories}
          {...form.getInputProps('category')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberInput
            label={t('catalog.price')}
            required
            rightSection={yen}
            {...yenInputProps}
            {...form.getInputProps('price')}
          />
          <NumberInput
            label={t('catalog.cost')}
            description={t('catalog.costHelp')}
            rightSection={yen}
            {...yenInputProps}
            {...form.getInputProps('cost')}
          />
        </SimpleGrid>
        {form.values.kind === 'service' && (
          <NumberInput
            label={t('catalog.duration')}
            rightSection={t('catalog.minutesSuffix')}
            min={5}
            max={720}
            step={5}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('durationMinutes')}
          />
        )}
        <ErrorAlert error={save.error} />
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}

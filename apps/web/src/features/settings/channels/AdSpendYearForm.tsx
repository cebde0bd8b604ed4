import { Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { AdSpendPut, type AdSpend } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatYen } from '../../../lib/format';
import { validateWith } from '../../../lib/validation';
import { yenInputProps } from '../lib/yenInput';
import { monthLabel, monthsOf } from './months';
import { useSaveAdSpend, type AdSpendChange } from './useAdSpend';

interface Values {
  amounts: (number | string)[];
}

const check = validateWith(AdSpendPut);

interface Props {
  channelId: string;
  year: number;
  items: AdSpend[];
  readOnly: boolean;
}

/** Twelve months of one channel's spend; saving sends only the months that changed. */
export function AdSpendYearForm({ channelId, year, items, readOnly }: Props) {
  const { t, i18n } = useTranslation('settings');
  const months = monthsOf(year);
  const stored = months.map((month) => items.find((i) => i.month === month));
  const form = useForm<Values>({
    initialValues: { amounts: stored.map((s) => s?.amount ?? '') },
    validate: (values) => {
      const errors: Record<string, string> = {};
      values.amounts.forEach((amount, i) => {
        if (amount === '') return;
        const problem = check({ amount: Number(amount) }).amount;
        if (problem) errors[`amounts.${i}`] = problem;
      });
      return errors;
    },
  });
  const save = useSaveAdSpend(channelId);
  const submit = (values: Values) => {
    const changes: AdSpendChange[] = [];
    months.forEach((month, i) => {
      const before = stored[i];
      const after = values.amounts[i] ?? '';
      if (after === '' && before) changes.push({ month, amount: null, note: null });
      else if (after !== '' && Number(after) !== before?.amount)
        changes.push({ month, amount: Number(after), note: before?.note ?? null });
    });
    if (changes.length > 0) save.mutate(changes);
  };
  const total = form.values.amounts.reduce<number>((sum, a) => sum + (a === '' ? 0 : Number(a)), 0);
  const yen = t('catalog.yenSuffix');
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 2, xs: 3, md: 4, lg: 6 }} spacing="sm">
          {months.map((month, i) => (
            <NumberInput
              key={month}
              label={monthLabel(month, i18n.language)}
              rightSection={yen}
              readOnly={readOnly}
              {...yenInputProps}
              {...form.getInputProps(`amounts.${i}`)}
            />
          ))}
        </SimpleGrid>
        <ErrorAlert error={save.error} />
        <Group justify="space-between">
          <Text fw={500}>{t('adSpend.total', { amount: formatYen(total) })}</Text>
          {!readOnly && (
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('adSpend.save')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

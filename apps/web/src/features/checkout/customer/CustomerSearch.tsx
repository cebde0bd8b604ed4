import { Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import type { Customer } from '@kayoi/contracts';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCustomerSearch } from '../api';
import { CustomerResults } from './CustomerResults';

interface Props {
  onPick: (customer: Customer) => void;
  /** Absent when the role may not register customers. */
  onNew?: (typed: string) => void;
}

export function CustomerSearch({ onPick, onNew }: Props) {
  const { t } = useTranslation('checkout');
  const [text, setText] = useState('');
  const search = useCustomerSearch(text);
  const hits = text.trim() === '' ? [] : (search.data?.items ?? []);
  const busy = search.isFetching || (!search.settled && text.trim() !== '');
  const nothingFound = search.settled && search.isSuccess && !search.isPlaceholderData && hits.length === 0;
  return (
    <Stack gap="xs">
      <TextInput
        type="search"
        label={t('customer.search')}
        placeholder={t('customer.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={busy ? <Loader size="xs" aria-label={t('customer.searching')} /> : null}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          // With one match, Enter picks it: the keyboard path through the counter stays short.
          if (event.key === 'Enter' && !event.nativeEvent.isComposing && hits.length === 1 && search.settled) {
            onPick(hits[0]!);
          }
        }}
        autoComplete="off"
        enterKeyHint="search"
        size="md"
      />
      <ErrorAlert error={search.error} />
      {hits.length > 0 && <CustomerResults customers={hits} onPick={onPick} />}
      {nothingFound && text.trim() !== '' && (
        <Text size="sm" c="dimmed" role="status">
          {t('customer.noResults', { q: search.searched })}
        </Text>
      )}
      {onNew && (
        <Group>
          <Button
            variant="default"
            leftSection={<IconUserPlus size={18} aria-hidden />}
            onClick={() => onNew(text.trim())}
          >
            {t('customer.new')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

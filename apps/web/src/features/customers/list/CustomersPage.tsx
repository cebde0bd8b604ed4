import { Box, Button, Center, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconUserSearch } from '@tabler/icons-react';
import type { Customer } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCan } from '../../../auth/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { useCustomerList } from '../api';
import { CustomerFormDrawer } from '../form/CustomerFormDrawer';
import { MaskedHint } from '../parts/MaskedHint';
import { CustomerCards } from './CustomerCards';
import { CustomerFilters } from './CustomerFilters';
import { CustomerTable } from './CustomerTable';
import { useListParams } from './useListParams';

export function CustomersPage() {
  const { t } = useTranslation(['customers', 'common']);
  const listParams = useListParams();
  const list = useCustomerList(listParams.params);
  const canWrite = useCan('customers.write');
  const [creating, { open, close }] = useDisclosure(false);
  // Clearing the filters also empties the search box, which keeps its own text while typing.
  const [searchKey, setSearchKey] = useState(0);
  const navigate = useNavigate();
  const location = useLocation();
  const customers = list.data?.pages.flatMap((p) => p.items) ?? [];
  const { personal } = listParams;
  const openCustomer = (c: Customer) => navigate(`/customers/${c.id}`, { state: { from: location.search } });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            {t('new')}
          </Button>
        )}
      </Group>
      <CustomerFilters
        {...listParams}
        searchKey={searchKey}
        onClear={() => {
          listParams.clearFilters();
          setSearchKey((k) => k + 1);
        }}
      />
      <MaskedHint />
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Center p="xl">
          <Loader aria-label={t('common:common.loading')} />
        </Center>
      ) : customers.length === 0 && !list.isError ? (
        <EmptyState
          icon={<IconUserSearch size={32} />}
          title={t('list.emptyTitle')}
          description={t('list.emptyBody')}
        />
      ) : (
        <Box style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}>
          <Box visibleFrom="sm">
            <CustomerTable customers={customers} personal={personal} onOpen={openCustomer} />
          </Box>
          <Box hiddenFrom="sm">
            <CustomerCards customers={customers} personal={personal} onOpen={openCustomer} />
          </Box>
        </Box>
      )}
      {customers.length > 0 && (
        <Stack align="center" gap="xs">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('list.shown', { count: customers.length })}
          </Text>
          {list.hasNextPage && <LoadMoreButton query={list} />}
        </Stack>
      )}
      {canWrite && <CustomerFormDrawer opened={creating} onClose={close} onSaved={(c) => openCustomer(c)} />}
    </Stack>
  );
}

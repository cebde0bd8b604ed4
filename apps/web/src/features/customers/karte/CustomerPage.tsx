import { Alert, Center, Grid, Loader, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCan } from '../../../auth/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useCustomer } from '../api';
import { useTimeZone } from '../display';
import { CustomerFormDrawer } from '../form/CustomerFormDrawer';
import { MaskedHint } from '../parts/MaskedHint';
import { AttributesCard } from './AttributesCard';
import { ConsentCard } from './ConsentCard';
import { EraseModal } from './EraseModal';
import { KarteHeader } from './KarteHeader';
import { NotesCard } from './NotesCard';
import { ProfileCard } from './ProfileCard';
import { ScoreCard } from './ScoreCard';
import { StatsCard } from './StatsCard';
import { CustomerTimeline } from './CustomerTimeline';
import { DeliveriesCard } from './DeliveriesCard';

/** The karte: everything the shop knows about one customer, and their history, newest first. */
export function CustomerPage() {
  const { customerId = '' } = useParams();
  const { t } = useTranslation('customers');
  const timeZone = useTimeZone();
  const query = useCustomer(customerId);
  const canWrite = useCan('customers.write');
  const canErase = useCan('customers.erase');
  const canSeeScores = useCan('analytics.read');
  const [editing, edit] = useDisclosure(false);
  const [erasing, erase] = useDisclosure(false);
  const customer = query.data;

  if (!customer) {
    return query.error ? (
      <Stack>
        <KarteHeader />
        <ErrorAlert error={query.error} />
      </Stack>
    ) : (
      <Center p="xl">
        <Loader aria-label={t('common:common.loading')} />
      </Center>
    );
  }
  const live = !customer.erasedAt;
  return (
    <Stack gap="md">
      <KarteHeader
        customer={customer}
        onEdit={live && canWrite ? edit.open : undefined}
        onErase={live && canErase ? erase.open : undefined}
      />
      {customer.erasedAt && (
        <Alert color="gray" variant="light" icon={<IconTrash size={18} />} title={t('erased.title')}>
          {t('erased.body', { date: formatDateTime(customer.erasedAt, timeZone) })}
        </Alert>
      )}
      <MaskedHint masked={customer.masked} />
      <StatsCard customer={customer} />
      {canSeeScores && <ScoreCard customerId={customer.id} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ProfileCard customer={customer} />
            <AttributesCard customer={customer} />
            <NotesCard customer={customer} />
            <ConsentCard customer={customer} editable={live && canWrite} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <DeliveriesCard customerId={customer.id} />
            <CustomerTimeline customerId={customer.id} />
          </Stack>
        </Grid.Col>
      </Grid>
      {live && canWrite && <CustomerFormDrawer opened={editing} onClose={edit.close} customer={customer} />}
      {live && canErase && <EraseModal opened={erasing} onClose={erase.close} customer={customer} />}
    </Stack>
  );
}

import { NativeSelect, SimpleGrid, type ComboboxItem } from '@mantine/core';
import type { Store, User } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { Section } from '../components/Section';
import { servesCustomers } from '../model/defaults';

interface Props {
  stores: readonly Store[];
  users: readonly User[];
  storeId: string | null;
  staffId: string | null;
  onStore: (storeId: string) => void;
  onStaff: (staffId: string | null) => void;
}

const NO_STAFF = '';

/**
 * Native selects: on a phone they open the system's own picker, which is quicker with one hand
 * than a dropdown drawn by the page. The store's own stylists are listed first.
 */
export function StoreStaffFields({ stores, users, storeId, staffId, onStore, onStaff }: Props) {
  const { t } = useTranslation('checkout');
  const open = stores.filter((s) => !s.archived);
  const staff = users.filter(servesCustomers);
  const option = (u: User) => ({ value: u.id, label: u.name });
  const here = staff.filter((u) => storeId !== null && u.storeIds.includes(storeId));
  const elsewhere = staff.filter((u) => !here.includes(u));
  const staffData =
    here.length > 0 && elsewhere.length > 0
      ? [
          { group: t('staff.thisStore'), items: here.map(option) },
          { group: t('staff.otherStores'), items: elsewhere.map(option) },
        ]
      : staff.map(option);
  const storeData: ComboboxItem[] = [
    ...(storeId === null ? [{ value: '', label: t('staff.chooseStore'), disabled: true }] : []),
    ...open.map((s) => ({ value: s.id, label: s.name })),
  ];
  return (
    <Section title={t('staff.section')}>
      <SimpleGrid cols={2} spacing="xs">
        <NativeSelect
          label={t('staff.store')}
          data={storeData}
          value={storeId ?? ''}
          onChange={(event) => onStore(event.currentTarget.value)}
          size="md"
        />
        <NativeSelect
          label={t('staff.staff')}
          data={[{ value: NO_STAFF, label: t('staff.none') }, ...staffData]}
          value={staffId ?? NO_STAFF}
          onChange={(event) => onStaff(event.currentTarget.value === NO_STAFF ? null : event.currentTarget.value)}
          size="md"
        />
      </SimpleGrid>
    </Section>
  );
}

import { Badge, SegmentedControl, Stack, Text } from '@mantine/core';
import type { CatalogItem, ItemKind } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referenceKeys, useCatalog } from '../../../api/reference';
import { useCan } from '../../../auth/session';
import { formatYen } from '../../../lib/format';
import { ArchiveDialog } from '../components/ArchiveDialog';
import { PageHeader } from '../components/PageHeader';
import { ArchivableRecords } from '../components/ArchivableRecords';
import type { Column } from '../components/RecordList';
import { SettingsModal } from '../components/SettingsModal';
import { StatusBadge } from '../components/StatusBadge';
import { useArchiveFlow } from '../hooks/useArchiveFlow';
import { useEditor } from '../hooks/useEditor';
import { CatalogForm } from './CatalogForm';

type KindFilter = ItemKind | 'all';

export function CatalogPage() {
  const { t } = useTranslation('settings');
  const canManage = useCan('settings.manage');
  const catalog = useCatalog();
  const editor = useEditor<CatalogItem>();
  const [kind, setKind] = useState<KindFilter>('all');
  // The catalog archives by switching an item off: visits keep their line items.
  const flow = useArchiveFlow<CatalogItem>('/catalog/items', referenceKeys.catalog, { restorePatch: { active: true } });
  const categories = [...new Set((catalog.data ?? []).map((i) => i.category).filter((c): c is string => !!c))];

  const columns: Column<CatalogItem>[] = [
    { key: 'name', header: t('catalog.name'), cell: (i) => <Text fw={500}>{i.name}</Text> },
    {
      key: 'kind',
      header: t('catalog.kind'),
      cell: (i) => (
        <Badge variant="light" color={i.kind === 'service' ? 'indigo' : 'pink'}>
          {t(`catalog.kinds.${i.kind}`)}
        </Badge>
      ),
    },
    { key: 'category', header: t('catalog.category'), cell: (i) => i.category ?? '—' },
    { key: 'price', header: t('catalog.price'), numeric: true, cell: (i) => formatYen(i.price) },
    { key: 'cost', header: t('catalog.cost'), numeric: true, cell: (i) => formatYen(i.cost) },
    {
      key: 'duration',
      header: t('catalog.duration'),
      numeric: true,
      cell: (i) => (i.durationMinutes === null ? '—' : t('catalog.minutes', { count: i.durationMinutes })),
    },
    { key: 'status', header: t('list.status'), cell: (i) => <StatusBadge archived={!i.active} /> },
  ];

  return (
    <Stack>
      <PageHeader
        title={t('catalog.title')}
        description={t('catalog.description')}
        addLabel={canManage ? t('catalog.add') : null}
        onAdd={editor.openNew}
      />
      <ArchivableRecords
        query={catalog}
        label={t('catalog.title')}
        empty={t('catalog.empty')}
        columns={columns}
        isArchived={(i) => !i.active}
        nameOf={(i) => i.name}
        flow={flow}
        {...(canManage ? { onEdit: editor.openEdit } : {})}
        visible={(i) => kind === 'all' || i.kind === kind}
        toolbar={
          <SegmentedControl
            aria-label={t('catalog.kind')}
            value={kind}
            onChange={(v) => setKind(v as KindFilter)}
            data={[
              { value: 'all', label: t('catalog.all') },
              { value: 'service', label: t('catalog.kinds.service') },
              { value: 'product', label: t('catalog.kinds.product') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
        }
      />
      <SettingsModal
        opened={editor.opened}
        onClose={editor.close}
        title={editor.isNew ? t('catalog.add') : t('catalog.edit')}
      >
        <CatalogForm key={editor.session} item={editor.record} categories={categories} onDone={editor.close} />
      </SettingsModal>
      <ArchiveDialog flow={flow} nameOf={(i) => i.name} messageKey="catalog.archiveMessage" />
    </Stack>
  );
}

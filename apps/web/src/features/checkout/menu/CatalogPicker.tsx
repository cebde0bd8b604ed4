import { Badge, Button, SimpleGrid, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import type { CatalogItem } from '@kayoi/contracts';
import { IconPencilPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatYen } from '../../../lib/format';
import { Section } from '../components/Section';
import { groupCatalog, type CatalogGroup } from './catalogGroups';

interface Props {
  catalog: readonly CatalogItem[] | undefined;
  loading: boolean;
  error: unknown;
  /** How many of each catalog item are already on the bill. */
  quantities: ReadonlyMap<string, number>;
  onAdd: (item: CatalogItem) => void;
  onAddFree: () => void;
}

/** The menu as tabs by category, each item a large button: one tap adds it to the bill. */
export function CatalogPicker({ catalog, loading, error, quantities, onAdd, onAddFree }: Props) {
  const { t } = useTranslation('checkout');
  const groups = useMemo(() => groupCatalog(catalog ?? []), [catalog]);
  const [chosen, setChosen] = useState<string | null>(null);
  const active = groups.some((g) => g.key === chosen) ? chosen : (groups[0]?.key ?? null);
  const label = (g: CatalogGroup) => g.category ?? t(g.kind === 'product' ? 'menu.products' : 'menu.services');
  const freeButton = (
    <Button
      variant="subtle"
      size="compact-sm"
      leftSection={<IconPencilPlus size={16} aria-hidden />}
      onClick={onAddFree}
    >
      {t('menu.free')}
    </Button>
  );
  return (
    <Section title={t('menu.section')} action={freeButton}>
      <ErrorAlert error={error} />
      {loading && <Skeleton height={120} radius="md" />}
      {!loading && groups.length === 0 && !error && (
        <Text size="sm" c="dimmed">
          {t('menu.empty')}
        </Text>
      )}
      {groups.length > 0 && (
        <Tabs value={active} onChange={setChosen} variant="pills" radius="xl" keepMounted={false}>
          <Tabs.List aria-label={t('menu.categories')} mb="sm" style={{ gap: 6 }}>
            {groups.map((g) => (
              <Tabs.Tab key={g.key} value={g.key} bd="1px solid var(--mantine-color-gray-3)">
                {label(g)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {groups.map((g) => (
            <Tabs.Panel key={g.key} value={g.key}>
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
                {g.items.map((item) => (
                  <ItemButton key={item.id} item={item} count={quantities.get(item.id) ?? 0} onAdd={onAdd} />
                ))}
              </SimpleGrid>
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Section>
  );
}

function ItemButton({ item, count, onAdd }: { item: CatalogItem; count: number; onAdd: (item: CatalogItem) => void }) {
  const { t } = useTranslation('checkout');
  return (
    <Button
      variant={count > 0 ? 'light' : 'default'}
      onClick={() => onAdd(item)}
      aria-label={t('menu.add', { name: item.name, price: formatYen(item.price) })}
      h="auto"
      mih={60}
      py={8}
      px="sm"
      justify="flex-start"
      styles={{ label: { whiteSpace: 'normal', width: '100%' }, inner: { justifyContent: 'flex-start' } }}
    >
      <Stack gap={2} align="flex-start" w="100%">
        <Text size="sm" fw={600} lh={1.3} ta="left">
          {item.name}
        </Text>
        <Text
          size="xs"
          c="dimmed"
          component="span"
          w="100%"
          style={{ display: 'flex', justifyContent: 'space-between' }}
        >
          {formatYen(item.price)}
          {count > 0 && (
            <Badge size="sm" circle component="span" aria-hidden>
              {count}
            </Badge>
          )}
        </Text>
      </Stack>
    </Button>
  );
}

import { Badge, Button, Checkbox, Collapse, Grid, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconFilter, IconFilterOff } from '@tabler/icons-react';
import { customerSorts } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { useChannels, useStores, useTags } from '../../../api/reference';
import { useCan } from '../../../auth/session';
import { SearchBox } from './SearchBox';
import { personalSorts, type FilterKey, type useListParams } from './useListParams';

type Props = ReturnType<typeof useListParams> & { searchKey: number; onClear: () => void };

export function CustomerFilters({ params, setParam, activeFilters, personal, searchKey, onClear }: Props) {
  const { t, i18n } = useTranslation('customers');
  const tags = useTags().data ?? [];
  const stores = useStores().data ?? [];
  const channels = useChannels().data ?? [];
  const canErase = useCan('customers.erase');
  // On a phone the filters fold away behind a button; on a desktop there is room to show them.
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [opened, { toggle }] = useDisclosure(false);
  const set = (key: FilterKey) => (value: string | null) => setParam(key, value);
  const monthName = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en' : 'ja', { month: 'long', timeZone: 'UTC' });
  const months = Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1),
    label: monthName.format(new Date(Date.UTC(2000, i, 1))),
  }));
  const sorts = customerSorts.filter((s) => personal || !personalSorts.includes(s));

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm" wrap="wrap">
        {personal && <SearchBox key={searchKey} initial={params.q ?? ''} onSearch={set('q')} fullRow={!wide} />}
        <Select
          label={t('list.sort')}
          data={sorts.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
          value={params.sort}
          onChange={(v) => setParam('sort', v === 'recent' ? null : v)}
          allowDeselect={false}
          w={wide ? 180 : undefined}
          style={wide ? undefined : { flex: 1 }}
        />
        {!wide && (
          <Button
            variant="default"
            leftSection={<IconFilter size={16} />}
            rightSection={activeFilters > 0 ? <Badge size="sm">{activeFilters}</Badge> : null}
            onClick={toggle}
            aria-expanded={opened}
          >
            {t('list.filters')}
          </Button>
        )}
      </Group>
      <Collapse expanded={wide || opened}>
        <Grid gap="sm">
          <Grid.Col span={{ base: 6, md: 2 }}>
            <Select
              label={t('list.tag')}
              placeholder={t('list.any')}
              data={tags.map((tag) => ({ value: tag.tag, label: `${tag.tag} (${tag.customers})` }))}
              value={params.tag ?? null}
              onChange={set('tag')}
              clearable
              searchable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <Select
              label={t('list.store')}
              placeholder={t('list.any')}
              data={stores.map((s) => ({ value: s.id, label: s.name }))}
              value={params.storeId ?? null}
              onChange={set('storeId')}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: personal ? 6 : 12, md: 2 }}>
            <Select
              label={t('list.channel')}
              placeholder={t('list.any')}
              data={channels.map((c) => ({ value: c.id, label: c.name }))}
              value={params.channelId ?? null}
              onChange={set('channelId')}
              clearable
            />
          </Grid.Col>
          {personal && (
            <Grid.Col span={{ base: 6, md: 2 }}>
              <Select
                label={t('list.birthdayMonth')}
                placeholder={t('list.any')}
                data={months}
                value={params.birthdayMonth ? String(params.birthdayMonth) : null}
                onChange={set('birthdayMonth')}
                clearable
              />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 6, md: personal ? 2 : 3 }}>
            <TextInput
              type="date"
              label={t('list.lastVisitFrom')}
              value={params.lastVisitFrom ?? ''}
              max={params.lastVisitTo}
              onChange={(e) => setParam('lastVisitFrom', e.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: personal ? 2 : 3 }}>
            <TextInput
              type="date"
              label={t('list.lastVisitTo')}
              value={params.lastVisitTo ?? ''}
              min={params.lastVisitFrom}
              onChange={(e) => setParam('lastVisitTo', e.currentTarget.value)}
            />
          </Grid.Col>
        </Grid>
        <Group mt="xs" gap="md">
          {canErase && (
            <Checkbox
              label={t('list.includeErased')}
              checked={params.includeErased ?? false}
              onChange={(e) => setParam('includeErased', e.currentTarget.checked ? 'true' : null)}
            />
          )}
          {(activeFilters > 0 || params.q) && (
            <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} />} onClick={onClear}>
              {t('list.clear')}
            </Button>
          )}
        </Group>
      </Collapse>
    </Stack>
  );
}

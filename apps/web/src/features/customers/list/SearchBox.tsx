import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  initial: string;
  onSearch: (q: string) => void;
  /** On a phone the search takes a row of its own. */
  fullRow?: boolean;
}

/** Searches as the person types, once they pause; Enter searches at once. */
export function SearchBox({ initial, onSearch, fullRow }: Props) {
  const { t } = useTranslation('customers');
  const [value, setValue] = useState(initial);
  const search = useDebouncedCallback((q: string) => onSearch(q.trim()), 300);
  const change = (q: string) => {
    setValue(q);
    search(q);
  };
  return (
    <TextInput
      type="search"
      label={t('list.search')}
      placeholder={t('list.searchPlaceholder')}
      leftSection={<IconSearch size={16} />}
      value={value}
      onChange={(e) => change(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') search.flush();
      }}
      rightSection={
        value ? <CloseButton size="sm" aria-label={t('list.clearSearch')} onClick={() => change('')} /> : null
      }
      style={fullRow ? { flexBasis: '100%' } : { flex: 1, minWidth: 200 }}
    />
  );
}

import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { JourneyDefinition, JourneyTrigger } from '@kayoi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SettingsModal } from '../../settings/components/SettingsModal';
import { useCreateJourney, useJourneyTemplates } from '../api';
import { describeTrigger } from '../describe';
import { useNames } from '../useNames';

/** Triggers a new journey can start from here, with their usual numbers; the editor changes them. */
const starters: JourneyTrigger[] = [
  { type: 'any_visit' },
  { type: 'first_visit' },
  { type: 'birthday', daysBefore: 7 },
  { type: 'due_by_cycle', daysAfterDue: 0 },
  { type: 'p_alive_below', threshold: 0.5 },
];

/** A draft journey in the simplest shape (wait a day, send); it opens in the journey page to edit. */
export function NewJourneyDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['journeys', 'common']);
  const navigate = useNavigate();
  const names = useNames();
  const templates = useJourneyTemplates();
  const create = useCreateJourney();
  const [name, setName] = useState('');
  const [trigger, setTrigger] = useState('0');
  const [line, setLine] = useState<string | null>(null);
  const [email, setEmail] = useState<string | null>(null);
  const usable = (templates.data ?? []).filter((tpl) => !tpl.archived);
  const options = (email: boolean) =>
    usable.filter((tpl) => (tpl.channel === 'email') === email).map((tpl) => ({ value: tpl.id, label: tpl.name }));
  const submit = () => {
    const definition: JourneyDefinition = {
      trigger: starters[Number(trigger)] ?? { type: 'any_visit' },
      entryStepId: 'wait',
      steps: [
        { id: 'wait', type: 'wait', duration: { days: 1, hours: 0, minutes: 0 }, next: 'send' },
        {
          id: 'send',
          type: 'send',
          templates: { ...(line ? { line } : {}), ...(email ? { email } : {}) },
          next: null,
        },
      ],
      exitOn: { visit: false, booking: false },
      reentry: { policy: 'never' },
    };
    create.mutate(
      { name: name.trim(), definition },
      { onSuccess: (journey) => void navigate(`/journeys/${journey.id}`) },
    );
  };
  return (
    <SettingsModal opened={opened} onClose={onClose} title={t('create.title')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('create.hint')}
        </Text>
        <TextInput label={t('create.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        <Select
          label={t('create.trigger')}
          data={starters.map((s, i) => ({ value: String(i), label: describeTrigger(t, s, names) }))}
          value={trigger}
          onChange={(v) => setTrigger(v ?? '0')}
          allowDeselect={false}
        />
        <Select label={t('create.template')} data={options(false)} value={line} onChange={setLine} clearable />
        <Select label={t('create.emailTemplate')} data={options(true)} value={email} onChange={setEmail} clearable />
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={create.isPending}
            disabled={name.trim() === '' || (line === null && email === null)}
          >
            {t('create.submit')}
          </Button>
        </Group>
      </Stack>
    </SettingsModal>
  );
}

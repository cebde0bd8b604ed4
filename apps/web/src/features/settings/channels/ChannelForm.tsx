import { Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ChannelCreate, channelKinds, type Channel, type ChannelKind } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { referenceKeys } from '../../../api/reference';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { validateWith } from '../../../lib/validation';
import { FormActions } from '../components/FormActions';
import { useSaveRecord } from '../hooks/useSaveRecord';

interface Values {
  name: string;
  kind: ChannelKind;
}

const toPayload = (v: Values): ChannelCreate => ({ name: v.name.trim(), kind: v.kind });
const check = validateWith(ChannelCreate);

export function ChannelForm({ channel, onDone }: { channel?: Channel; onDone: () => void }) {
  const { t } = useTranslation('settings');
  const save = useSaveRecord<ChannelCreate, Channel>('/channels', channel?.id, [referenceKeys.channels]);
  const form = useForm<Values>({
    initialValues: { name: channel?.name ?? '', kind: channel?.kind ?? 'other' },
    validate: (values) => check(toPayload(values)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(toPayload(values), { onSuccess: onDone }))} noValidate>
      <Stack>
        <TextInput
          label={t('channels.name')}
          description={t('channels.nameHelp')}
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Select
          label={t('channels.kind')}
          description={t('channels.kindHelp')}
          allowDeselect={false}
          data={channelKinds.map((kind) => ({ value: kind, label: t(`channels.kinds.${kind}`) }))}
          {...form.getInputProps('kind')}
        />
        <ErrorAlert error={save.error} />
        <FormActions onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}

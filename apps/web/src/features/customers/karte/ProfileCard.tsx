import { Anchor } from '@mantine/core';
import type { Customer, PiiField } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { useChannels } from '../../../api/reference';
import { formatDate } from '../../../lib/format';
import { ageToday, formatLocalDate, formatPhone, useTimeZone } from '../display';
import { KarteCard } from './Card';
import { Facts, type Fact } from './Facts';

export function ProfileCard({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation('customers');
  const timeZone = useTimeZone();
  const channels = useChannels().data ?? [];
  const isMasked = (field: PiiField | 'externalId') => c.masked.includes(field);
  const channel = channels.find((ch) => ch.id === c.acquisitionChannelId);
  // A masked value cannot be dialled or written to; a real one can be, straight from the phone.
  const phone =
    c.phone && !isMasked('phone') ? (
      <Anchor href={`tel:${c.phone}`} size="sm">
        {formatPhone(c.phone)}
      </Anchor>
    ) : (
      c.phone
    );
  const email =
    c.email && !isMasked('email') ? (
      <Anchor href={`mailto:${c.email}`} size="sm">
        {c.email}
      </Anchor>
    ) : (
      c.email
    );
  const birthday = c.birthday
    ? t('profile.birthdayWithAge', { date: formatLocalDate(c.birthday), age: ageToday(c.birthday, timeZone) })
    : c.birthYear
      ? t('profile.bornIn', { year: c.birthYear })
      : null;

  const facts: Fact[] = [
    { label: t('field.phone'), value: phone, masked: isMasked('phone') },
    { label: t('field.email'), value: email, masked: isMasked('email') },
    { label: t('field.lineUserId'), value: c.lineUserId, masked: isMasked('lineUserId') },
    { label: t('field.gender'), value: t(`gender.${c.gender}`) },
    { label: t('field.birthday'), value: birthday, masked: isMasked('birthday') },
    { label: t('field.postalCode'), value: c.postalCode, masked: isMasked('postalCode') },
    { label: t('field.area'), value: c.area },
    { label: t('field.channel'), value: channel?.name },
    { label: t('field.acquiredOn'), value: c.acquiredOn ? formatLocalDate(c.acquiredOn) : null },
    { label: t('field.externalId'), value: c.externalId, masked: isMasked('externalId') },
    { label: t('profile.registered'), value: formatDate(c.createdAt, timeZone) },
  ];
  return (
    <KarteCard title={t('profile.title')}>
      <Facts facts={facts} />
    </KarteCard>
  );
}

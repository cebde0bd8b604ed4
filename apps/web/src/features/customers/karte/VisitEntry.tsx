import { Badge, Divider, Group, Stack, Text } from '@mantine/core';
import type { Visit } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { useStores, useUsers } from '../../../api/reference';
import { formatYen } from '../../../lib/format';

function Row({ left, right, dimmed }: { left: React.ReactNode; right: React.ReactNode; dimmed?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" c={dimmed ? 'dimmed' : undefined}>
      <Text size="sm" span style={{ minWidth: 0 }}>
        {left}
      </Text>
      <Text size="sm" span style={{ flexShrink: 0 }}>
        {right}
      </Text>
    </Group>
  );
}

/** A visit as the receipt had it: who, where, each line, the discount, and how it was paid. */
export function VisitEntry({ visit }: { visit: Visit }) {
  const { t } = useTranslation('customers');
  const stores = useStores().data ?? [];
  const users = useUsers().data ?? [];
  const store = stores.find((s) => s.id === visit.storeId)?.name;
  const staff = users.find((u) => u.id === visit.staffId)?.name;
  const voided = visit.status === 'voided';
  return (
    <Stack gap={4} data-visit={visit.id} style={voided ? { opacity: 0.6 } : undefined}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {[t('timeline.visit'), store].filter(Boolean).join(' · ')}
        </Text>
        {voided && (
          <Badge size="sm" color="red" variant="light">
            {t('timeline.voided')}
          </Badge>
        )}
      </Group>
      {staff && (
        <Text size="xs" c="dimmed">
          {t('timeline.staff', { name: staff })}
        </Text>
      )}
      <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('timeline.items')}>
        {visit.items.map((item, i) => (
          <li key={i}>
            <Row
              left={
                <>
                  {item.name}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {t('timeline.qtyPrice', { qty: item.quantity, price: formatYen(item.unitPrice) })}
                    {item.discount > 0 && ` · ${t('timeline.itemDiscount', { amount: formatYen(item.discount) })}`}
                  </Text>
                </>
              }
              right={formatYen(item.amount)}
            />
          </li>
        ))}
      </Stack>
      <Divider variant="dashed" />
      {visit.discount > 0 && <Row left={t('timeline.visitDiscount')} right={`−${formatYen(visit.discount)}`} dimmed />}
      <Row left={<strong>{t('timeline.total')}</strong>} right={<strong>{formatYen(visit.total)}</strong>} />
      {visit.payments.map((p, i) => (
        <Row key={i} left={t(`payment.${p.method}`)} right={formatYen(p.amount)} dimmed />
      ))}
      {visit.note && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {visit.note}
        </Text>
      )}
      {voided && visit.voidReason && (
        <Text size="xs" c="red">
          {t('timeline.voidReason', { reason: visit.voidReason })}
        </Text>
      )}
    </Stack>
  );
}

import { Divider, Grid, Skeleton, Stack } from '@mantine/core';
import type { Me } from '@kayoi/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCan } from '../../auth/session';
import { Section } from './components/Section';
import { CustomerSection } from './customer/CustomerSection';
import { LineList } from './lines/LineList';
import { CatalogPicker } from './menu/CatalogPicker';
import { itemCount } from './model/draft';
import { useCheckout } from './model/useCheckout';
import { PaymentFields } from './payment/PaymentFields';
import { TotalsSummary } from './payment/TotalsSummary';
import { LastRegistered } from './register/LastRegistered';
import { RegisterBar } from './register/RegisterBar';
import { VisitTimeField } from './register/VisitTimeField';
import { StoreStaffFields } from './staff/StoreStaffFields';

/**
 * One column on a phone, in the order the counter works (who, by whom, what, how paid); on a
 * desktop the bill sits beside the menu. The Register bar stays on screen either way.
 */
export function Checkout({ me }: { me: Me }) {
  const { t } = useTranslation('checkout');
  const canCreateCustomer = useCan('customers.write');
  const checkout = useCheckout(me);
  return (
    <Stack gap="sm">
      {checkout.last && <LastRegistered registered={checkout.last} onClose={checkout.dismissLast} />}
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            <CustomerSection
              customer={checkout.customer}
              loading={checkout.customerLoading}
              error={checkout.customerError}
              canCreate={canCreateCustomer}
              onPick={checkout.pickCustomer}
              onClear={checkout.clearCustomer}
            />
            {checkout.stores.data && checkout.users.data ? (
              <StoreStaffFields
                stores={checkout.stores.data}
                users={checkout.users.data}
                storeId={checkout.storeId}
                staffId={checkout.staffId}
                onStore={checkout.setStoreId}
                onStaff={checkout.setStaffId}
              />
            ) : (
              <>
                <ErrorAlert error={checkout.stores.error ?? checkout.users.error} />
                <Skeleton height={90} radius="md" />
              </>
            )}
            <CatalogPicker
              catalog={checkout.catalog.data}
              loading={checkout.catalog.isPending}
              error={checkout.catalog.error}
              quantities={checkout.quantities}
              onAdd={(item) => checkout.dispatch({ type: 'addItem', item })}
              onAddFree={() => checkout.dispatch({ type: 'addFreeLine' })}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <LineList lines={checkout.draft.lines} dispatch={checkout.dispatch} />
            <Section title={t('payment.section')}>
              <TotalsSummary
                subtotal={checkout.subtotal}
                discount={checkout.draft.discount}
                total={checkout.total}
                onDiscount={(discount) => checkout.dispatch({ type: 'setDiscount', discount })}
              />
              <PaymentFields
                payments={checkout.draft.payments}
                resolved={checkout.payments}
                total={checkout.total}
                dispatch={checkout.dispatch}
              />
              <Divider />
              <VisitTimeField
                value={checkout.draft.startedAt}
                timeZone={checkout.timeZone}
                onChange={(startedAt) => checkout.dispatch({ type: 'setStartedAt', startedAt })}
              />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      <ErrorAlert error={checkout.register.error} />
      <RegisterBar
        total={checkout.total}
        count={itemCount(checkout.draft.lines)}
        problems={checkout.problems}
        pending={checkout.register.isPending}
        onRegister={checkout.submit}
      />
    </Stack>
  );
}

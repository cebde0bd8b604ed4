import type { Customer, Me } from '@kayoi/contracts';
import { useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCatalog, useStores, useUsers } from '../../../api/reference';
import { useCustomer, useRegisterVisit } from '../api';
import { notifyRegistered, type Registered } from '../register/notifyRegistered';
import { customerName, defaultStaffId, defaultStoreId, rememberStoreId, rememberedStoreId } from './defaults';
import { resolvePayments, subtotalOf, toVisitCreate, totalOf } from './draft';
import { draftReducer, emptyDraft } from './draftReducer';
import { checkoutProblems } from './problems';
import { instantOfWallTime } from './time';

/**
 * The state of one checkout. Store and staff start from sensible defaults that are derived,
 * not copied into state, so they appear as soon as the reference data arrives.
 */
export function useCheckout(me: Me) {
  const { t } = useTranslation('checkout');
  const navigate = useNavigate();
  const timeZone = me.tenant.timeZone;

  // Arriving from a karte (?customerId=…) starts with that customer.
  const [searchParams, setSearchParams] = useSearchParams();
  const linkedId = searchParams.get('customerId');
  const [picked, setPicked] = useState<Customer | null>(null);
  const linked = useCustomer(picked ? null : linkedId);
  const customer = picked ?? (linkedId ? (linked.data ?? null) : null);
  const forgetLinked = () => {
    if (linkedId) setSearchParams({}, { replace: true });
  };

  const stores = useStores();
  const users = useUsers();
  const catalog = useCatalog();
  const [remembered] = useState(rememberedStoreId);
  const [storeChoice, setStoreChoice] = useState<string | null>(null);
  const [staffChoice, setStaffChoice] = useState<string | null | undefined>(undefined);
  const storeId = storeChoice ?? (stores.data ? defaultStoreId(stores.data, me, remembered) : null);
  const staffId = staffChoice === undefined ? (users.data ? defaultStaffId(users.data, me) : null) : staffChoice;

  const [draft, dispatch] = useReducer(draftReducer, emptyDraft);
  const subtotal = subtotalOf(draft.lines);
  const total = totalOf(draft);
  const payments = resolvePayments(draft.payments, total);
  const problems = checkoutProblems(draft, { customerId: customer?.id ?? null, storeId, timeZone });
  const quantities = useMemo(
    () => new Map(draft.lines.flatMap((line) => (line.itemId ? [[line.itemId, line.quantity] as const] : []))),
    [draft.lines],
  );

  const register = useRegisterVisit();
  const [last, setLast] = useState<Registered | null>(null);

  function submit() {
    if (problems.length > 0 || !customer || !storeId || register.isPending) return;
    const startedAt =
      draft.startedAt === null ? new Date().toISOString() : instantOfWallTime(draft.startedAt, timeZone);
    if (!startedAt) return;
    const body = toVisitCreate(draft, { customerId: customer.id, storeId, staffId, startedAt });
    register.mutate(body, {
      onSuccess: (visit) => {
        const registered: Registered = {
          visitId: visit.id,
          customerId: visit.customerId,
          customerName: customerName(customer) || t('customer.unnamed'),
          total: visit.total,
        };
        notifyRegistered(registered, t, navigate);
        setLast(registered);
        rememberStoreId(storeId);
        // Ready for the next customer: same store, the default stylist, an empty bill.
        dispatch({ type: 'reset' });
        setPicked(null);
        setStaffChoice(undefined);
        forgetLinked();
        window.scrollTo({ top: 0 });
      },
    });
  }

  return {
    timeZone,
    customer,
    customerLoading: !picked && linkedId !== null && linked.isPending,
    customerError: picked ? null : linked.error,
    pickCustomer: (next: Customer) => setPicked(next),
    clearCustomer: () => {
      setPicked(null);
      forgetLinked();
    },
    stores,
    users,
    catalog,
    storeId,
    staffId,
    setStoreId: setStoreChoice,
    setStaffId: (next: string | null) => setStaffChoice(next),
    draft,
    dispatch,
    subtotal,
    total,
    payments,
    problems,
    quantities,
    register,
    submit,
    last,
    dismissLast: () => setLast(null),
  };
}

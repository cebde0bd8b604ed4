import type {
  AttributeDefinitionCreate,
  AttributeValue,
  CatalogItemCreate,
  ChannelKind,
  ConsentChannel,
  Gender,
  PaymentMethod,
} from '@kayoi/contracts';

export interface DemoOptions {
  /** Any 32-bit integer; the whole dataset is a function of the options. */
  seed: number;
  /** Number of customers acquired over the history (the CLI default is 3000). */
  customers: number;
  /** History length in years (the CLI default is 3); fractions are allowed. */
  years: number;
  /** 'YYYY-MM-DD', the last local day of history; the caller passes today in the shop's zone. */
  endDate: string;
  /** IANA zone, e.g. 'Asia/Tokyo': visit times are local shop hours converted to UTC instants. */
  timeZone: string;
}

export interface DemoStore {
  key: string;
  name: string;
  address: string;
  phone: string;
}

export interface DemoStaff {
  key: string;
  name: string;
  nameKana: string;
  role: 'owner' | 'manager' | 'staff';
  storeKeys: string[];
  email: string | null;
}

export interface DemoChannel {
  key: string;
  name: string;
  kind: ChannelKind;
}

export interface DemoAdSpend {
  channelKey: string;
  /** YYYY-MM */
  month: string;
  /** Integer yen. */
  amount: number;
}

export interface DemoCustomer {
  /** 'DEMO-000001', numbered in order of acquisition. */
  externalId: string;
  familyName: string;
  givenName: string;
  /** Katakana readings. */
  familyNameKana: string;
  givenNameKana: string;
  /** Only on example.com / example.jp. */
  email: string | null;
  /** Domestic mobile digits, e.g. '09012345678'. */
  phone: string | null;
  gender: Gender;
  /** YYYY-MM-DD */
  birthday: string | null;
  /** e.g. '150-0001' */
  postalCode: string | null;
  /** Municipality, e.g. '渋谷区'. */
  area: string | null;
  channelKey: string;
  /** Local date of the first visit. */
  acquiredOn: string;
  homeStoreKey: string;
  preferredStaffKey: string;
  tags: string[];
  notes: string | null;
  /** Keys match DemoDataset.attributes[].key; choice attributes hold the option value. */
  attributes: Record<string, AttributeValue>;
  /** SMS consent is never granted: demo phone numbers are random and must never be texted. */
  consents: Partial<Record<ConsentChannel, 'granted' | 'withdrawn'>>;
}

export interface DemoVisitItem {
  /** A catalog item name. */
  name: string;
  quantity: number;
  /** Integer yen. */
  unitPrice: number;
  /** Line discount, integer yen, at most quantity × unitPrice. */
  discount: number;
}

export interface DemoPayment {
  method: PaymentMethod;
  amount: number;
}

export interface DemoVisit {
  /** 'DEMO-V-0000001', numbered in time order. */
  externalId: string;
  customerExternalId: string;
  storeKey: string;
  staffKey: string;
  /** UTC instant of a local time within opening hours, on a day the store is open. */
  startedAt: string;
  items: DemoVisitItem[];
  /** Visit-level discount (coupons), integer yen, at most the sum of the lines. */
  discount: number;
  /** Sums to Σ(quantity × unitPrice − line discount) − discount. */
  payments: DemoPayment[];
}

/**
 * Ground truth per customer, for checking fitted LTV models against what generated the data.
 *
 * The process is the modified BG/NBD (Batislam, Denizel & Filiztekin 2007): while alive a
 * customer visits at rate `visitRatePerYear`; right after every visit, the first included,
 * they drop out for good with probability `dropoutProbability`. Two departures from the
 * textbook model, both for realism: gaps between visits are Erlang-2 (salon regulars are more
 * regular than a Poisson process), and time runs in seasonal "operational time", so the
 * calendar rate is higher in December and March and lower in February and August, and zero on
 * days the home store is closed. The yearly average rate equals `visitRatePerYear`.
 */
export interface DemoTruth {
  externalId: string;
  channelKey: string;
  /** λ: visits per year while alive. */
  visitRatePerYear: number;
  /** p: per-visit drop-out probability (MBG/NBD), with the preferred stylist's effect applied. */
  dropoutProbability: number;
  /** Local date of the visit after which they dropped out; null when still alive at endDate. */
  churnedOn: string | null;
  /** Relative spend propensity (mean about 1): drives add-ons, products and premium menus. */
  spendMultiplier: number;
}

export interface DemoDataset {
  stores: DemoStore[];
  staff: DemoStaff[];
  catalog: CatalogItemCreate[];
  channels: DemoChannel[];
  adSpend: DemoAdSpend[];
  attributes: AttributeDefinitionCreate[];
  customers: DemoCustomer[];
  visits: DemoVisit[];
  truth: DemoTruth[];
}

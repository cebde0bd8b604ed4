export { generateDemoDataset, VIP_SHARE } from './generate.js';
export { GAP_SHAPE as DEMO_GAP_SHAPE } from './behaviour.js';
export type {
  DemoAdSpend,
  DemoChannel,
  DemoCustomer,
  DemoDataset,
  DemoOptions,
  DemoPayment,
  DemoStaff,
  DemoStore,
  DemoTruth,
  DemoVisit,
  DemoVisitItem,
} from './types.js';

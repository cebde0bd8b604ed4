export * from './database.js';
export * from './migrate.js';
export * from './dataStore.js';
export * as schema from './schema.js';
export { violatedConstraint, newId } from './repositories/shared.js';
export { customerImportWriter, type NumberedCustomerRow } from './imports/customerWriter.js';
export { visitImportWriter, type VisitGroup } from './imports/visitWriter.js';
export type { BatchOutcome, RowIssue, StagedBatch } from './imports/batchProblems.js';
export {
  lockReferencedRowsOrThrow,
  resumeRowTriggers,
  trySuspendRowTriggers,
  type ReferencedTable,
} from './imports/setBasedReferences.js';
export { loadDemoDataset, type DemoLoadResult } from './demo/loadDemoDataset.js';
export * from './bulk/visitRows.js';
export * from './export/exportRows.js';
export { modelRunQueue, type ClaimedRun, type ModelRunQueue } from './analytics/modelRuns.js';
export { loadAnalyticsInput } from './analytics/loadAnalyticsInput.js';
export { writeRefresh } from './analytics/writeRefresh.js';
export { deliveryQueue } from './delivery/deliveryQueue.js';
export {
  journeyScanStore,
  type JourneyScanStore,
  type ScanCursor,
  type ActiveJourney,
  type VisitHistoryRow,
} from './journeys/journeyScanStore.js';
export { journeyRunStore, type JourneyRunStore, type ClaimedEnrollment } from './journeys/journeyRunStore.js';
export { webhookOutbox } from './webhooks/webhookOutbox.js';

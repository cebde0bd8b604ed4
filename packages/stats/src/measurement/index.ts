// Measuring what messages bring back: holdout assignment, uplift, power preview, A/B verdicts.
export { holdoutBucket, isInHoldout, assignHoldout } from './holdoutAssignment.js';
export { murmur3x86_32 } from './hash/murmur3.js';
export { erfc, normalCdf, normalQuantile } from './distributions/normal.js';
export { regularizedIncompleteBeta } from './distributions/incompleteBeta.js';
export { studentTCdf, studentTQuantile } from './distributions/studentT.js';
export type {
  Interval,
  EstimateWithInterval,
  BinaryOutcomeCounts,
  NotEnoughData,
  NotEnoughDataReason,
} from './types.js';
export { wilsonInterval, proportionDifference, type ProportionDifference } from './proportionDifference.js';
export { binaryUplift, countBinaryOutcomes, type BinaryUplift } from './binaryUplift.js';
export { summarizeRevenue, revenueUplift, type RevenueGroupSummary, type RevenueUplift } from './revenueUplift.js';
export { upliftPower, minimumDetectableUplift, type PowerPreviewInput } from './powerPreview.js';
export { abVerdict, type AbVerdict, type AbWinner } from './abTest.js';

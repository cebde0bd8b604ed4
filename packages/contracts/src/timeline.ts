import { z } from 'zod';
import { Cursor, Instant, Limit } from './common.js';
import { Visit } from './visits.js';

export const timelineKinds = ['visit', 'consent', 'created', 'erased'] as const;
export const TimelineEntry = z
  .object({
    /** Stable within the customer's timeline (the visit id, the consent event id, created, erased). */
    id: z.string(),
    kind: z.enum(timelineKinds),
    at: Instant,
    visit: Visit.nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelineQuery = z.object({ cursor: Cursor, limit: Limit });
export type TimelineQuery = z.infer<typeof TimelineQuery>;

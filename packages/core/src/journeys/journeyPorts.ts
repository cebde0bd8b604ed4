import type {
  CampaignOutcome,
  Journey,
  JourneyDefinition,
  JourneyEnrollment,
  JourneyEnrollmentListQuery,
  JourneyStatus,
  JourneyVersion,
  StaffNotification,
  StaffNotificationListQuery,
} from '@kayoi/contracts';
import type { ArmTotals } from '../delivery/measurementReport.js';
import type { Page } from '../ports.js';

export interface JourneyWrite {
  name: string;
  definition: JourneyDefinition;
  holdoutPercent: number;
  outcome: CampaignOutcome;
  presetKey: string | null;
}

/** One tenant's journeys, their versions and enrollments (the worker's cross-tenant side is in packages/db). */
export interface JourneyRepository {
  list(): Promise<Journey[]>;
  findById(id: string): Promise<Journey | null>;
  /** The journey, its first version and its campaign row (kind 'journey', where deliveries are logged). */
  insert(input: JourneyWrite, actorUserId: string | null): Promise<Journey>;
  /** A new definition becomes a new version; name, holdout and outcome change in place. */
  update(
    id: string,
    patch: Partial<Omit<JourneyWrite, 'presetKey'>>,
    actorUserId: string | null,
  ): Promise<Journey | null>;
  setStatus(id: string, status: JourneyStatus, actorUserId: string | null): Promise<Journey | null>;
  versions(id: string): Promise<JourneyVersion[]>;
  enrollments(
    id: string,
    query: Omit<JourneyEnrollmentListQuery, 'limit'> & { limit: number },
  ): Promise<Page<JourneyEnrollment>>;
  /**
   * Outcome totals per arm, each enrollment's window opening at its own entered_at and
   * lasting `days`; also the latest entry, when the last window opened.
   */
  armTotals(id: string, days: number): Promise<{ a: ArmTotals; holdout: ArmTotals; lastEnteredAt: Date | null }>;
  /**
   * Starts the worker's visit scan at the newest visit there is, if it has not started:
   * visits recorded before any journey was switched on enrol nobody.
   */
  ensureScanCursor(): Promise<void>;
  /** What notify_staff steps left for the shop, newest first. */
  staffNotifications(
    query: Omit<StaffNotificationListQuery, 'limit'> & { limit: number },
  ): Promise<Page<StaffNotification>>;
  /** Marks it read (the first reading counts; reading again changes nothing); null when there is none. */
  markStaffNotificationRead(id: string, at: Date): Promise<StaffNotification | null>;
}

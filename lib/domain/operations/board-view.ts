import type { CriticalCategory, Modality, Priority, RequestStatus, RequestType, ShiftRole } from "../enums";
import type { AgeBucket } from "./age-buckets";

// What the department head's live operations board shows, as the server computes it at
// `generatedAt`. A supervision screen: requests are named by accession number only, never by
// patient. Instants are Dates (superjson carries them); the client ticks ages and remaining
// times from them without refetching.

export interface BoardCounters {
  /** Open requests: submitted, not signed, cancelled nor refused. */
  open: number;
  /** At or past 75 % of their priority's submitted -> signed target (late ones included). */
  atRisk: number;
  /** Past their target. */
  late: number;
  /** Nobody holds them. */
  unassigned: number;
  /** Escalated at least once (level > 0). */
  escalated: number;
}

export interface BacklogRow {
  status: RequestStatus;
  byAge: Record<AgeBucket, number>;
  byPriority: Record<Priority, number>;
  total: number;
}

/** Open requests by state x age since submission, with totals per age and per priority. */
export interface Backlog {
  /** One row per open status, in the workflow's order, empty ones included. */
  rows: BacklogRow[];
  byAge: Record<AgeBucket, number>;
  byPriority: Record<Priority, number>;
  total: number;
}

export interface BoardPerson {
  id: string;
  name: string;
}

/** A request as the board names it. */
export interface BoardRequest {
  id: string;
  accessionNumber: string;
  priority: Priority;
  type: RequestType;
  modality: Modality;
  status: RequestStatus;
  siteCode: string;
  holder: BoardPerson | null;
  escalationLevel: number;
  submittedAt: Date;
}

export interface AtRiskRequest extends BoardRequest {
  targetS: number;
  /** submittedAt + target. */
  deadline: Date;
  /** At generatedAt; negative when late. */
  remainingMs: number;
}

export interface OnCallShift {
  role: ShiftRole;
  siteCodes: string[];
  startsAt: Date;
  endsAt: Date;
}

/** A radiologist's current load: open requests they hold, and how many of those they are reading. */
export interface RadiologistLoad {
  radiologist: BoardPerson;
  held: number;
  inReading: number;
}

export interface OnCallRadiologist extends RadiologistLoad {
  /** Their shifts covering now (several when rotas overlap), primary first. */
  shifts: OnCallShift[];
}

export interface EscalatedRequest extends BoardRequest {
  escalatedAt: Date | null;
  /** The holder took it (claimed, or acknowledged the assignment); false when nobody holds it. */
  holderAcknowledged: boolean;
}

/** A vital critical finding nobody acknowledged in time, and still unacknowledged. */
export interface EscalatedFinding {
  id: string;
  requestId: string;
  accessionNumber: string;
  priority: Priority;
  siteCode: string;
  category: CriticalCategory;
  flaggedBy: string;
  flaggedAt: Date;
  acknowledgeBy: Date | null;
  escalatedAt: Date;
}

export interface ListPage<Row> {
  /** All matching rows; `rows` holds the first ones only. */
  total: number;
  rows: Row[];
}

export interface OperationsBoard {
  generatedAt: Date;
  /**
   * The next instant the board changes with nobody acting (a request enters the at-risk list
   * or becomes late, a shift starts or ends): no hint announces it, so the client refetches then.
   */
  nextChangeAt: Date | null;
  counters: BoardCounters;
  /** Submitted -> signed target per priority, seconds. */
  targets: Record<Priority, number>;
  backlog: Backlog;
  /** Soonest deadline first (the latest requests lead). */
  atRisk: ListPage<AtRiskRequest>;
  /** Primary shifts first, then by name. */
  onCall: OnCallRadiologist[];
  /** Radiologists off call who still hold open requests: what a shift change left behind. Heaviest first. */
  offCallHolders: RadiologistLoad[];
  /** Highest level first, then longest escalated. */
  escalatedRequests: ListPage<EscalatedRequest>;
  /** Longest escalated first. */
  escalatedFindings: ListPage<EscalatedFinding>;
}

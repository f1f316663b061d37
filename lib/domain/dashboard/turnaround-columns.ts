import { hourOfWeekOf, localDayOf } from "./territory-time";
import type { Milestone } from "./segments";

// The requests' milestones as columns (typed arrays indexed by the row's ordinal), so that a
// dashboard over a year of a busy territory is one pass over memory. Times are whole seconds
// since 1970 (0 = not reached). Filled from RequestMilestones by the server's index.

export const OUTCOMES = ["NONE", "INDICATION_ACCEPTED", "INDICATION_MODIFIED", "INDICATION_REFUSED"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface MilestoneRecord {
  ordinal: number;
  siteId: string;
  radiologistId: string | null;
  priority: number;
  type: number;
  modality: number;
  outcome: number;
  /** Epoch seconds, 0 when not reached. */
  submitted: number;
  decided: number;
  complete: number;
  claimed: number;
  signed: number;
  acknowledged: number;
  cancelled: number;
}

const TIME_COLUMNS = ["submitted", "decided", "complete", "claimed", "signed", "acknowledged", "cancelled"] as const;

/** A string dictionary: index 0 is "none". */
export class Dictionary {
  readonly values: (string | null)[] = [null];
  private readonly index = new Map<string, number>();

  code(value: string | null): number {
    if (value === null) return 0;
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }

  find(value: string): number | undefined {
    return this.index.get(value);
  }
}

export class TurnaroundColumns {
  /** One past the highest ordinal held. */
  size = 0;
  rows = 0;
  private capacity = 0;
  present = new Uint8Array(0);
  site = new Uint16Array(0);
  radiologist = new Uint16Array(0);
  priority = new Uint8Array(0);
  type = new Uint8Array(0);
  modality = new Uint8Array(0);
  outcome = new Uint8Array(0);
  hourOfWeek = new Uint8Array(0);
  localDay = new Uint32Array(0);
  submitted = new Uint32Array(0);
  decided = new Uint32Array(0);
  complete = new Uint32Array(0);
  claimed = new Uint32Array(0);
  signed = new Uint32Array(0);
  acknowledged = new Uint32Array(0);
  cancelled = new Uint32Array(0);
  readonly sites = new Dictionary();
  readonly radiologists = new Dictionary();

  /** Writes (or rewrites) the row of a request. */
  set(record: MilestoneRecord): void {
    const at = record.ordinal;
    if (at >= this.capacity) this.grow(at + 1);
    if (!this.present[at]) this.rows += 1;
    this.present[at] = 1;
    this.site[at] = this.sites.code(record.siteId);
    this.radiologist[at] = this.radiologists.code(record.radiologistId);
    this.priority[at] = record.priority;
    this.type[at] = record.type;
    this.modality[at] = record.modality;
    this.outcome[at] = record.outcome;
    this.hourOfWeek[at] = hourOfWeekOf(record.submitted);
    this.localDay[at] = localDayOf(record.submitted);
    for (const column of TIME_COLUMNS) this[column][at] = record[column];
    if (at >= this.size) this.size = at + 1;
  }

  /** The time column of a milestone. */
  milestone(name: Milestone): Uint32Array {
    return MILESTONE_COLUMN[name](this);
  }

  private grow(minimum: number): void {
    const capacity = Math.max(minimum, Math.ceil(this.capacity * 1.5), 1024);
    const copy = <T extends Uint8Array | Uint16Array | Uint32Array>(from: T, make: (n: number) => T): T => {
      const to = make(capacity);
      to.set(from);
      return to;
    };
    this.present = copy(this.present, (n) => new Uint8Array(n));
    this.site = copy(this.site, (n) => new Uint16Array(n));
    this.radiologist = copy(this.radiologist, (n) => new Uint16Array(n));
    this.priority = copy(this.priority, (n) => new Uint8Array(n));
    this.type = copy(this.type, (n) => new Uint8Array(n));
    this.modality = copy(this.modality, (n) => new Uint8Array(n));
    this.outcome = copy(this.outcome, (n) => new Uint8Array(n));
    this.hourOfWeek = copy(this.hourOfWeek, (n) => new Uint8Array(n));
    this.localDay = copy(this.localDay, (n) => new Uint32Array(n));
    for (const column of TIME_COLUMNS) this[column] = copy(this[column], (n) => new Uint32Array(n));
    this.capacity = capacity;
  }
}

const MILESTONE_COLUMN: Record<Milestone, (c: TurnaroundColumns) => Uint32Array> = {
  submitted: (c) => c.submitted,
  decided: (c) => c.decided,
  complete: (c) => c.complete,
  claimed: (c) => c.claimed,
  signed: (c) => c.signed,
  acknowledged: (c) => c.acknowledged,
};

import type { Priority, RequestType } from "../enums";

// The turnaround segments of the dashboards (issue 7), each between two milestones of the
// request's timeline (RequestMilestones, derived from the events by the database).

export type Milestone = "submitted" | "decided" | "complete" | "claimed" | "signed" | "acknowledged";

export const SEGMENTS = [
  "SUBMITTED_TO_DECIDED",
  "COMPLETE_TO_CLAIMED",
  "CLAIMED_TO_SIGNED",
  "COMPLETE_TO_SIGNED",
  "SUBMITTED_TO_SIGNED",
  "SIGNED_TO_ACKNOWLEDGED",
] as const;
export type Segment = (typeof SEGMENTS)[number];

export const SEGMENT_BOUNDS: Record<Segment, { from: Milestone; to: Milestone }> = {
  SUBMITTED_TO_DECIDED: { from: "submitted", to: "decided" },
  COMPLETE_TO_CLAIMED: { from: "complete", to: "claimed" },
  CLAIMED_TO_SIGNED: { from: "claimed", to: "signed" },
  COMPLETE_TO_SIGNED: { from: "complete", to: "signed" },
  SUBMITTED_TO_SIGNED: { from: "submitted", to: "signed" },
  SIGNED_TO_ACKNOWLEDGED: { from: "signed", to: "acknowledged" },
};

/** Seconds allowed per priority and segment ("within target" means duration <= target). */
export type TurnaroundTargets = Record<Priority, Record<Segment, number>>;

/** The migration's defaults, used when a target row is missing. */
export const DEFAULT_TURNAROUND_TARGETS: TurnaroundTargets = {
  VITAL: {
    SUBMITTED_TO_DECIDED: 600,
    COMPLETE_TO_CLAIMED: 600,
    CLAIMED_TO_SIGNED: 1200,
    COMPLETE_TO_SIGNED: 1800,
    SUBMITTED_TO_SIGNED: 3600,
    SIGNED_TO_ACKNOWLEDGED: 900,
  },
  URGENT: {
    SUBMITTED_TO_DECIDED: 1800,
    COMPLETE_TO_CLAIMED: 1200,
    CLAIMED_TO_SIGNED: 2400,
    COMPLETE_TO_SIGNED: 3600,
    SUBMITTED_TO_SIGNED: 10_800,
    SIGNED_TO_ACKNOWLEDGED: 3600,
  },
  ROUTINE: {
    SUBMITTED_TO_DECIDED: 14_400,
    COMPLETE_TO_CLAIMED: 43_200,
    CLAIMED_TO_SIGNED: 43_200,
    COMPLETE_TO_SIGNED: 86_400,
    SUBMITTED_TO_SIGNED: 172_800,
    SIGNED_TO_ACKNOWLEDGED: 86_400,
  },
};

/** The steps of the waterfall: consecutive milestones, so that their minutes add up. */
export const WATERFALL_STEPS = [
  { from: "submitted", to: "decided" },
  { from: "decided", to: "complete" },
  { from: "complete", to: "claimed" },
  { from: "claimed", to: "signed" },
] as const satisfies readonly { from: Milestone; to: Milestone }[];

/** A téléexpertise has no indication to decide: that segment is the télédiagnostic's only. */
export function segmentApplies(segment: Segment, type: RequestType): boolean {
  return segment !== "SUBMITTED_TO_DECIDED" || type === "TELEDIAGNOSTIC";
}

// Whether an open request is about to miss its turnaround target (submitted -> signed, by
// priority). "Within target" means a duration at or below the target (dashboard segments), so
// a request is late once its elapsed time exceeds the target, and at risk from 75 % of it on:
// the head still has a quarter of the target to act.

export const AT_RISK_SHARE = 0.75;

/** Elapsed milliseconds from which a request with this target is at risk. */
export function atRiskAfterMs(targetS: number): number {
  return Math.ceil(targetS * 1000 * AT_RISK_SHARE);
}

export interface TurnaroundStanding {
  /** Submission plus the target: signed after this instant, the request missed it. */
  deadline: Date;
  /** Until the deadline at `now`; negative once late. */
  remainingMs: number;
  atRisk: boolean;
  late: boolean;
}

export function turnaroundStanding(submittedAt: Date, targetS: number, now: Date): TurnaroundStanding {
  const elapsedMs = now.getTime() - submittedAt.getTime();
  const targetMs = targetS * 1000;
  return {
    deadline: new Date(submittedAt.getTime() + targetMs),
    remainingMs: targetMs - elapsedMs,
    atRisk: elapsedMs >= atRiskAfterMs(targetS),
    late: elapsedMs > targetMs,
  };
}

/**
 * The same rule as submission instants at `now`, for a query on the submission index: a
 * request is at risk when submitted at or before `atRiskFrom`, late when strictly before
 * `lateBefore`.
 */
export function riskCutoffs(targetS: number, now: Date): { atRiskFrom: Date; lateBefore: Date } {
  return {
    atRiskFrom: new Date(now.getTime() - atRiskAfterMs(targetS)),
    lateBefore: new Date(now.getTime() - targetS * 1000),
  };
}

/** The instant a request submitted at `submittedAt` enters the at-risk list. */
export function becomesAtRiskAt(submittedAt: Date, targetS: number): Date {
  return new Date(submittedAt.getTime() + atRiskAfterMs(targetS));
}

/** The first instant (millisecond precision) a request submitted at `submittedAt` is late. */
export function becomesLateAt(submittedAt: Date, targetS: number): Date {
  return new Date(submittedAt.getTime() + targetS * 1000 + 1);
}

// When an outbound message is tried again after the RIS could not be reached or did not answer
// in time. An AE/AR answer is never retried: the RIS read the message and said no, and sending
// it again would say the same. Attempts are counted on the message row.

/** Waits after the 1st, 2nd... failed attempt: a RIS restarting is back within the first minutes. */
export const OUTBOUND_RETRY_DELAYS_MS = [30_000, 2 * 60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000] as const;

/** Six attempts over about 52 minutes, then the message is FAILED and shown on the operations board. */
export const OUTBOUND_MAX_ATTEMPTS = OUTBOUND_RETRY_DELAYS_MS.length + 1;

/** The delay before the next attempt after `attempts` failed ones, or null: give up. */
export function nextAttemptDelayMs(attempts: number): number | null {
  if (attempts < 1) return 0;
  return OUTBOUND_RETRY_DELAYS_MS[attempts - 1] ?? null;
}

/** How long the platform waits for the ACK of one attempt before counting it as failed. */
export const ACK_TIMEOUT_MS = 30_000;

/** A waiting message older than this has been left by a crashed sender and may be taken again. */
export const SENT_LEASE_MS = 2 * ACK_TIMEOUT_MS;

/** How long a message may wait for an earlier one of the same request before it is looked at again. */
export const ORDERING_RECHECK_MS = 30_000;

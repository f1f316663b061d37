import "server-only";
import { ACK_TIMEOUT_MS } from "@/lib/domain/hl7/outbound/retry-schedule";

// Kept apart from the sender (store-report-export.ts): the tRPC side (the manual resend) needs
// the lease without bundling the DIMSE library into Next's server build.

/** How long one C-STORE attempt (association, store, answer) may take: the HL7 outbox's ACK wait. */
export const STORE_TIMEOUT_MS = ACK_TIMEOUT_MS;
/** A SENDING row older than this was left by a crashed runner and may be taken again (or resent by hand). */
export const SENDING_LEASE_MS = 2 * STORE_TIMEOUT_MS;

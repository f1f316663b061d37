// The durable jobs and their payloads. Handlers (lib/server/jobs/handlers) are re-entrant:
// running one twice, or after a restart, changes nothing the first run did not.

export interface JobPayloads {
  /** A request needs a reader: choose one among the site's eligible on-call radiologists. */
  "assignment.auto": { requestId: string };
  /** The request's priority target passed: escalate one level if it is still not taken. */
  "escalation.check": { requestId: string; level: number };
  /**
   * A shift started: offer the requests waiting in its sites' pools to automatic assignment.
   * The payload holds the start as scheduled: a retried job still recognises its shift, and a
   * moved shift's old job sees it is stale.
   */
  "shift.started": { shiftId: string; startsAt: string };
  /** A shift ended: hand its radiologist's open requests over, or return them to the pool. */
  "shift.ended": { shiftId: string; endsAt: string };
  /** A running shift was deleted or given to someone else: its radiologist leaves these sites' on-call now. */
  "rota.offCall": { radiologistId: string; siteIds: string[]; shiftId: string };
  /** A vital (minutes) critical finding's acknowledgement delay passed: escalate if still unacknowledged. */
  "critical.escalation": { findingId: string };
  /** An outbound HL7 message (Hl7Message id, as text: JSON has no bigint) to send to the site's RIS over MLLP. */
  "hl7.send": { messageId: string };
  /** A signed report's DICOM document (ReportPacsExport id) to store at the site's PACS by C-STORE. */
  "pacs.storeReport": { exportId: string };
}

export type JobKind = keyof JobPayloads;

export const JOB_KINDS = ["assignment.auto", "escalation.check", "shift.started", "shift.ended", "rota.offCall", "critical.escalation", "hl7.send", "pacs.storeReport"] as const satisfies readonly JobKind[];

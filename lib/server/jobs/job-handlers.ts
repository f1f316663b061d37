import "server-only";
import { criticalEscalationHandler } from "./handlers/critical-escalation-handler";
import { autoAssignHandler } from "./handlers/auto-assign-handler";
import { hl7SendHandler } from "./handlers/hl7-send-handler";
import { escalationCheckHandler } from "./handlers/escalation-check-handler";
import { pacsStoreReportHandler } from "./handlers/pacs-store-report-handler";
import { offCallHandler } from "./handlers/off-call-handler";
import { shiftEndedHandler } from "./handlers/shift-ended-handler";
import { shiftStartedHandler } from "./handlers/shift-started-handler";
import type { JobHandlers } from "./job-handler";

/** Every job kind has exactly one handler: the mapped type makes a missing one a compile error. */
export const JOB_HANDLERS: JobHandlers = {
  "assignment.auto": autoAssignHandler,
  "escalation.check": escalationCheckHandler,
  "shift.started": shiftStartedHandler,
  "shift.ended": shiftEndedHandler,
  "rota.offCall": offCallHandler,
  "critical.escalation": criticalEscalationHandler,
  "hl7.send": hl7SendHandler,
  "pacs.storeReport": pacsStoreReportHandler,
};

/**
 * The outbound HL7 sends and the C-STOREs of reports wait on a site's RIS or PACS (up to their
 * timeout each): they run in a worker of their own (main.ts), so that escalations and handovers
 * never queue behind a silent peer. A worker takes only the kinds its handlers list.
 */
const OUTBOUND_KINDS: readonly string[] = ["hl7.send", "pacs.storeReport"];
export const OUTBOUND_JOB_HANDLERS = { "hl7.send": hl7SendHandler, "pacs.storeReport": pacsStoreReportHandler } as Partial<JobHandlers> as JobHandlers;
export const CORE_JOB_HANDLERS = Object.fromEntries(Object.entries(JOB_HANDLERS).filter(([kind]) => !OUTBOUND_KINDS.includes(kind))) as Partial<JobHandlers> as JobHandlers;

// Helpers for the outbox's integration tests (not a test file itself): run the "hl7.send" jobs
// of given messages, with a short ACK timeout, and read a request's outbound messages back.
import type { RisPeer } from "@/lib/testing/ris-peer";
import type { Db } from "../../db/client";
import { makeHl7SendHandler } from "../../jobs/handlers/hl7-send-handler";
import type { JobHandlers } from "../../jobs/job-handler";
import { runDueJobs } from "../../jobs/run-due-jobs";

export const TEST_ACK_TIMEOUT_MS = 400;
const handlers = { "hl7.send": makeHl7SendHandler({ ackTimeoutMs: TEST_ACK_TIMEOUT_MS }) } as unknown as JobHandlers;

/** Runs the pending send jobs of these messages that are due at `now` (other files' jobs are left alone). */
export async function deliverOutbound(db: Db, messageIds: bigint[], now: Date, onlyJobIds?: bigint[]) {
  const jobs = await db.job.findMany({ where: { kind: "hl7.send", state: "PENDING", OR: messageIds.map((id) => ({ payload: { path: ["messageId"], equals: id.toString() } })) }, select: { id: true } });
  return runDueJobs({ db, now, handlers, jobIds: onlyJobIds ?? jobs.map((job) => job.id) });
}

/** A request's outbound messages, oldest first, as the assertions read them (never the raw text). */
export function outboundMessages(db: Db, requestId: string) {
  return db.hl7Message.findMany({
    where: { requestId, direction: "OUTBOUND" },
    orderBy: { id: "asc" },
    select: { id: true, state: true, orderControl: true, ackCode: true, errorText: true, attempts: true, controlId: true, reportVersionId: true },
  });
}

/** What the RIS peer received about one order (ORC-2). */
export function receivedFor(peer: RisPeer, placer: string) {
  return peer.received.filter((message) => message.getSegment("ORC")?.getField(2) === placer);
}

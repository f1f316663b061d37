import "server-only";
import { readAck } from "@/lib/domain/hl7/outbound/read-ack";
import { ACK_TIMEOUT_MS, nextAttemptDelayMs, ORDERING_RECHECK_MS, SENT_LEASE_MS } from "@/lib/domain/hl7/outbound/retry-schedule";
import { type Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { enqueueJob } from "../../jobs/enqueue-job";
import { mllpExchange, MllpExchangeError } from "../../hl7/outbound/mllp-exchange";
import { runUseCase } from "../../use-cases/run-use-case";

export type SendOutcome = "ACKNOWLEDGED" | "FAILED" | "RETRY_SCHEDULED" | "WAITING_FOR_EARLIER" | "NOTHING_TO_DO";

/**
 * One attempt at delivering an outbound message (the "hl7.send" job). Re-entrant: a message
 * already answered is left alone, and taking it (QUEUED -> SENT) is a conditional update, so two
 * runners never send it twice at once. A request's messages go out in the order they were
 * written: while an earlier one is still queued or waiting for its ACK, this one waits (an OC
 * must never overtake the OK before it). The exchange happens outside any transaction.
 */
export async function sendOutboundMessage(args: { db: Db; messageId: bigint; now: Date; jobId: bigint; ackTimeoutMs?: number }): Promise<SendOutcome> {
  const { db, messageId, now } = args;
  const message = await db.hl7Message.findUnique({
    where: { id: messageId },
    select: {
      id: true,
      direction: true,
      state: true,
      attempts: true,
      requestId: true,
      controlId: true,
      raw: true,
      risInterface: { select: { active: true, outboundHost: true, outboundPort: true, siteId: true } },
    },
  });
  if (!message || message.direction !== "OUTBOUND" || message.state === "ACKNOWLEDGED" || message.state === "FAILED") return "NOTHING_TO_DO";

  if (message.requestId) {
    const earlier = await db.hl7Message.findFirst({
      where: { requestId: message.requestId, direction: "OUTBOUND", id: { lt: message.id }, state: { in: ["QUEUED", "SENT"] } },
      select: { id: true },
    });
    if (earlier) {
      // Looked at again when the earlier one is answered (kickSuccessor), and after a while in any case.
      await db.$transaction((tx) => enqueueJob(tx, { kind: "hl7.send", payload: { messageId: message.id.toString() }, runAt: new Date(now.getTime() + ORDERING_RECHECK_MS), dedupeKey: `hl7.send:${message.id}:after-job:${args.jobId}` }));
      return "WAITING_FOR_EARLIER";
    }
  }

  // Take it: QUEUED, or SENT by a runner that crashed while waiting (its lease is long over).
  const attempt = message.attempts + 1;
  const leaseOver = new Date(now.getTime() - SENT_LEASE_MS);
  const taken = await db.hl7Message.updateMany({
    where: { id: message.id, attempts: message.attempts, OR: [{ state: "QUEUED" }, { state: "SENT", updatedAt: { lt: leaseOver } }] },
    data: { state: "SENT", attempts: attempt, updatedAt: now },
  });
  if (taken.count === 0) return "NOTHING_TO_DO";

  const ris = message.risInterface;
  const finish = (data: { state: "ACKNOWLEDGED" | "FAILED" | "QUEUED"; ackCode: string | null; errorText: string | null }, retryAt: Date | null) =>
    record({ db, message: { id: message.id, requestId: message.requestId, siteId: ris?.siteId ?? null }, attempt, now, data, retryAt });

  if (!ris || !ris.active || !ris.outboundHost || !ris.outboundPort) {
    return finish({ state: "FAILED", ackCode: null, errorText: "The RIS interface was deactivated or has no outbound address any more" }, null);
  }
  let problem: string;
  try {
    const answer = await mllpExchange({ host: ris.outboundHost, port: ris.outboundPort, message: message.raw, timeoutMs: args.ackTimeoutMs ?? ACK_TIMEOUT_MS });
    const ack = readAck(answer, message.controlId);
    if (ack.kind === "ACCEPTED") return finish({ state: "ACKNOWLEDGED", ackCode: ack.code, errorText: null }, null);
    // The RIS read the message and said no: sending it again would say the same.
    if (ack.kind === "REFUSED") return finish({ state: "FAILED", ackCode: ack.code, errorText: ack.errorText }, null);
    problem = ack.problem;
  } catch (error) {
    if (!(error instanceof MllpExchangeError)) throw error;
    problem = error.message;
  }
  const delay = nextAttemptDelayMs(attempt);
  if (delay === null) return finish({ state: "FAILED", ackCode: null, errorText: `${problem} (after ${attempt} attempts)` }, null);
  return finish({ state: "QUEUED", ackCode: null, errorText: problem }, new Date(now.getTime() + delay));
}

async function record(args: {
  db: Db;
  message: { id: bigint; requestId: string | null; siteId: string | null };
  attempt: number;
  now: Date;
  data: { state: "ACKNOWLEDGED" | "FAILED" | "QUEUED"; ackCode: string | null; errorText: string | null };
  retryAt: Date | null;
}): Promise<SendOutcome> {
  const { db, message, attempt, now, data, retryAt } = args;
  const recorded = await runUseCase(db, async (tx, effects) => {
    // Conditional on the attempt taken: a runner that overran its lease does not overwrite a retake.
    const { count } = await tx.hl7Message.updateMany({ where: { id: message.id, state: "SENT", attempts: attempt }, data: { ...data, errorText: data.errorText?.slice(0, 2000) ?? null, updatedAt: now } });
    if (count === 0) return false;
    if (retryAt) {
      await enqueueJob(tx, { kind: "hl7.send", payload: { messageId: message.id.toString() }, runAt: retryAt, dedupeKey: `hl7.send:${message.id}:retry:${attempt}` });
    } else {
      await writeAudit(tx, {
        actorId: null,
        action: "HL7_MESSAGE_DELIVERY",
        entityType: "Hl7Message",
        entityId: message.id.toString(),
        siteId: message.siteId,
        detail: { requestId: message.requestId, state: data.state, ackCode: data.ackCode, errorText: data.errorText, attempts: attempt } as Prisma.InputJsonObject,
      });
      if (message.requestId) await kickSuccessor(tx, message.requestId, message.id, attempt, now);
    }
    if (message.requestId && message.siteId) effects.requestChanged(message.requestId, message.siteId);
    return true;
  });
  if (!recorded) return "NOTHING_TO_DO";
  return data.state === "QUEUED" ? "RETRY_SCHEDULED" : data.state;
}

/** The request's next queued message may go now that this one is answered (or given up). */
async function kickSuccessor(tx: Prisma.TransactionClient, requestId: string, afterId: bigint, attempt: number, now: Date): Promise<void> {
  const next = await tx.hl7Message.findFirst({
    where: { requestId, direction: "OUTBOUND", id: { gt: afterId }, state: "QUEUED" },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  if (next) await enqueueJob(tx, { kind: "hl7.send", payload: { messageId: next.id.toString() }, runAt: now, dedupeKey: `hl7.send:${next.id}:after:${afterId}:${attempt}` });
}

import "server-only";
import { type AckCode, type Hl7Problem, problemsText } from "@/lib/domain/hl7/hl7-errors";
import type { Hl7MessageState } from "@/lib/generated/prisma/client";
import { writeAudit } from "../audit/write-audit";
import type { Tx } from "../db/client";

// Every received message is kept as it came (raw), with what was answered (MSA-1 and the ERR
// text), and audited: it carries patient data. Written in the transaction of what the message
// did, so a message row says ACCEPTED only when its effect is committed.

export interface InboundRecord {
  /** Null for what no registered interface may claim: unknown senders, and messages rejected (AR) unprocessed. */
  risInterfaceId: string | null;
  siteId: string | null;
  actorId: string | null;
  requestId?: string | null;
  messageType: string;
  orderControl: string;
  controlId: string;
  raw: string;
  peerAddress: string;
  ackCode: AckCode;
  problems: readonly Hl7Problem[];
  /** For the audit row: why, when the sender is not the interface the row names. */
  detail?: Record<string, string>;
}

export async function recordInboundMessageInTx(tx: Tx, record: InboundRecord): Promise<bigint> {
  const state: Hl7MessageState = record.ackCode === "AA" ? "ACCEPTED" : record.ackCode === "AE" ? "ERROR" : "REJECTED";
  const errorText = problemsText(record.problems).slice(0, 2000) || null;
  const row = await tx.hl7Message.create({
    data: {
      direction: "INBOUND",
      risInterfaceId: record.risInterfaceId,
      requestId: record.requestId ?? null,
      messageType: record.messageType.slice(0, 20),
      orderControl: record.orderControl.slice(0, 2) || null,
      controlId: record.controlId.slice(0, 199),
      raw: record.raw.replaceAll("\0", ""),
      state,
      ackCode: record.ackCode,
      errorText,
      attempts: 1,
      peerAddress: record.peerAddress.slice(0, 64),
    },
    select: { id: true },
  });
  await writeAudit(tx, {
    actorId: record.actorId,
    action: record.ackCode === "AA" ? "HL7_MESSAGE_ACCEPTED" : "HL7_MESSAGE_REFUSED",
    entityType: "Hl7Message",
    entityId: row.id.toString(),
    siteId: record.siteId,
    detail: {
      messageType: record.messageType,
      orderControl: record.orderControl,
      controlId: record.controlId.slice(0, 199),
      ackCode: record.ackCode,
      peerAddress: record.peerAddress,
      ...(record.requestId ? { requestId: record.requestId } : {}),
      ...(errorText ? { errors: errorText } : {}),
      ...record.detail,
    },
  });
  return row.id;
}

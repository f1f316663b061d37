import "server-only";
import { randomUUID } from "node:crypto";
import { type AckCode, type Hl7Problem, HL7_ERROR_CODES as E, parseProblemsText, problem, problemsText } from "@/lib/domain/hl7/hl7-errors";
import { mapCancelOrder } from "@/lib/domain/hl7/map-cancel-order";
import { mapNewOrder } from "@/lib/domain/hl7/map-new-order";
import { mapPostExam } from "@/lib/domain/hl7/map-post-exam";
import { inboundActionOf } from "@/lib/domain/hl7/order-control";
import { headerProblems, type MessageHeader, readMessageHeader, supportedMessage } from "@/lib/domain/hl7/read-message-header";
import { buildAck } from "@/lib/hl7/build-ack";
import { Hl7ParseError, parseHl7Message } from "@/lib/hl7/parse-hl7-message";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "../db/client";
import type { Effects } from "../use-cases/effects";
import { runUseCase } from "../use-cases/run-use-case";
import { cancelOrderInTx } from "./cancel-order";
import { fileNewOrderInTx } from "./file-new-order";
import { findRisInterface, type RisSender } from "./find-ris-interface";
import { Hl7Refusal } from "./hl7-refusal";
import { recordInboundMessageInTx } from "./record-inbound-message";
import { recordPostExamInTx } from "./record-post-exam";

// One received message, start to ACK. The order of checks is the order of trust: can it be read,
// who sent it (registered interface, from an allowed address), is it a message and version this
// product speaks, has this control id been seen, then what it asks. What is not processed is
// rejected (AR) and kept without an interface, so the sender may fix it and resend it under the
// same control id; what is processed (AA, AE) is kept under its interface, once per control id.

export interface ReceiveContext {
  db: Db;
  peerAddress: string;
  /** Our MSH-3 in ACKs when the sender left MSH-5 empty. */
  ownApplication: string;
  log?: (line: string) => void;
}

export interface ReceiveResult {
  ack: string;
  ackCode: AckCode;
  requestId: string | null;
}

const EMPTY_HEADER: MessageHeader = { sendingApplication: "", sendingFacility: "", receivingApplication: "", receivingFacility: "", messageCode: "", triggerEvent: "", messageType: "", controlId: "", processingId: "", version: "" };

export async function receiveHl7Message(context: ReceiveContext, raw: string): Promise<ReceiveResult> {
  let header = EMPTY_HEADER;
  try {
    let tree;
    try {
      tree = parseHl7Message(raw);
    } catch (error) {
      if (!(error instanceof Hl7ParseError)) throw error;
      return await reject(context, raw, header, [problem(E.SEGMENT_SEQUENCE, error.message, { segment: "MSH" })], null);
    }
    header = readMessageHeader(tree);
    const lookup = await findRisInterface(context.db, { sendingApplication: header.sendingApplication, sendingFacility: header.sendingFacility, peerAddress: context.peerAddress });
    if (!lookup.ok) {
      const refusal =
        lookup.reason === "ADDRESS_REFUSED"
          ? problem(E.UNKNOWN_KEY_IDENTIFIER, `émetteur non autorisé depuis l'adresse ${context.peerAddress}`, { segment: "MSH", field: 4 })
          : lookup.reason === "UNKNOWN_APPLICATION"
            ? problem(E.UNKNOWN_KEY_IDENTIFIER, `application émettrice « ${header.sendingApplication} » non enregistrée pour cet établissement`, { segment: "MSH", field: 3 })
            : problem(E.UNKNOWN_KEY_IDENTIFIER, `établissement émetteur « ${header.sendingFacility} » non enregistré`, { segment: "MSH", field: 4 });
      return await reject(context, raw, header, [refusal], null, { reason: lookup.reason, ...(lookup.risInterfaceId ? { risInterfaceId: lookup.risInterfaceId } : {}) }, lookup.siteId ?? null);
    }
    const sender = lookup.sender;
    const refused = headerProblems(header);
    if (refused.length > 0) return await reject(context, raw, header, refused, sender);
    return await processFromSender(context, raw, header, sender, tree);
  } catch (error) {
    context.log?.(`HL7 message ${header.controlId || "?"} from ${context.peerAddress} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    // Not processed: AR, so the sender resends it (a database that was away, a bug).
    return answer(context, header, "AR", [problem(E.APPLICATION_INTERNAL_ERROR, "erreur interne de la plateforme : renvoyer le message plus tard")], null);
  }
}

async function processFromSender(context: ReceiveContext, raw: string, header: MessageHeader, sender: RisSender, tree: ReturnType<typeof parseHl7Message>, retried = false): Promise<ReceiveResult> {
  const { db } = context;
  const earlier = await db.hl7Message.findUnique({
    where: { risInterfaceId_direction_controlId: { risInterfaceId: sender.id, direction: "INBOUND", controlId: header.controlId.slice(0, 199) } },
    select: { raw: true, ackCode: true, errorText: true, requestId: true },
  });
  if (earlier) {
    // A resend (the ACK was lost): the first answer again, nothing done twice.
    if (earlier.raw === raw.replaceAll("\0", "")) return answer(context, header, (earlier.ackCode ?? "AA") as AckCode, parseProblemsText(earlier.errorText), earlier.requestId);
    return reject(context, raw, header, [problem(E.DUPLICATE_KEY_IDENTIFIER, `identifiant de message « ${header.controlId} » déjà reçu pour un autre contenu`, { segment: "MSH", field: 10 })], sender, { reason: "DUPLICATE_CONTROL_ID", risInterfaceId: sender.id });
  }

  const message = supportedMessage(header);
  const intent = message ? inboundActionOf(tree, message) : null;
  const base = { risInterfaceId: sender.id, siteId: sender.siteId, actorId: sender.serviceActor.id, messageType: header.messageType, orderControl: intent?.orderControl ?? "", controlId: header.controlId, raw, peerAddress: context.peerAddress };
  const refuse = async (problems: Hl7Problem[]) => {
    await db.$transaction((tx) => recordInboundMessageInTx(tx, { ...base, ackCode: "AE", problems }));
    return answer(context, header, "AE", problems, null);
  };
  if (!intent?.action) return refuse(intent?.problems ?? []);

  // What the message does, in the transaction that records it. A new order registers its own
  // after-commit effects (createRequestInTx: the request, its notifications, the job wake-up).
  let act: (tx: Tx, effects: Effects) => Promise<{ requestId: string; changed: boolean }>;
  switch (intent.action) {
    case "NEW_ORDER": {
      const { order, problems } = mapNewOrder(tree);
      if (!order) return refuse(problems);
      act = async (tx, effects) => {
        const filed = await fileNewOrderInTx(tx, effects, sender, order);
        return { requestId: filed.requestId, changed: filed.created };
      };
      break;
    }
    case "CANCEL_ORDER": {
      const { order, problems } = mapCancelOrder(tree);
      if (!order) return refuse(problems);
      act = (tx) => cancelOrderInTx(tx, sender, order);
      break;
    }
    case "POST_EXAM": {
      const { postExam, problems } = mapPostExam(tree);
      if (!postExam) return refuse(problems);
      act = async (tx) => ({ ...(await recordPostExamInTx(tx, sender, postExam)), changed: true });
      break;
    }
    default: {
      const unreachable: never = intent.action;
      throw new Error(`unhandled action ${String(unreachable)}`);
    }
  }

  try {
    // The message row, the request and its events commit together or not at all.
    const done = await runUseCase(db, async (tx, effects) => {
      const result = await act(tx, effects);
      await recordInboundMessageInTx(tx, { ...base, requestId: result.requestId, ackCode: "AA", problems: [] });
      if (result.changed) effects.requestChanged(result.requestId, sender.siteId);
      return result;
    });
    return answer(context, header, "AA", [], done.requestId);
  } catch (error) {
    if (error instanceof Hl7Refusal) return refuse(error.problems);
    // Two copies of one message (or two orders with one number) raced: the loser reads the
    // winner's outcome, once.
    if (!retried && error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2034")) {
      return processFromSender(context, raw, header, sender, tree, true);
    }
    throw error;
  }
}

/** AR: kept without an interface (so the control id stays free for the corrected message) and audited. */
async function reject(
  context: ReceiveContext,
  raw: string,
  header: MessageHeader,
  problems: Hl7Problem[],
  sender: RisSender | null,
  detail: Record<string, string> = {},
  siteId: string | null = sender?.siteId ?? null,
): Promise<ReceiveResult> {
  await context.db.$transaction((tx) =>
    recordInboundMessageInTx(tx, {
      risInterfaceId: null,
      siteId,
      actorId: sender?.serviceActor.id ?? null,
      messageType: header.messageType,
      orderControl: "",
      controlId: header.controlId,
      raw,
      peerAddress: context.peerAddress,
      ackCode: "AR",
      problems,
      detail: sender ? { ...detail, risInterfaceId: sender.id } : detail,
    }),
  );
  context.log?.(`HL7 message ${header.controlId || "?"} from ${context.peerAddress} rejected: ${problemsText(problems)}`);
  return answer(context, header, "AR", problems, null);
}

function answer(context: ReceiveContext, header: MessageHeader, ackCode: AckCode, problems: readonly Hl7Problem[], requestId: string | null): ReceiveResult {
  const ack = buildAck({ received: header, ackCode, problems, ownApplication: context.ownApplication, controlId: randomUUID().replaceAll("-", "").slice(0, 20) });
  return { ack, ackCode, requestId };
}

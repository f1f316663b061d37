import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../requests/request-scope";
import { HL7_MESSAGE_STATE_SELECT, toHl7MessageStateDto, type Hl7MessageStateDto } from "./hl7-message-dto";

/**
 * The HL7 messages exchanged with the site's RIS about one request, in and out, oldest first:
 * whoever may see the request sees whether the RIS heard of the decision. The request's own
 * read is audited by the request page; these rows carry no identity (state, codes, ACK text).
 */
export async function listRequestHl7Messages(args: { db: Db; actor: Actor; requestId: string }): Promise<{ fromRis: boolean; messages: Hl7MessageStateDto[] }> {
  const request = await args.db.readingRequest.findFirst({ where: { AND: [{ id: args.requestId }, visibleRequestsWhere(args.actor)] }, select: { source: true } });
  if (!request) throw new AppError("NOT_FOUND", "Request not found");
  const rows = await args.db.hl7Message.findMany({ where: { requestId: args.requestId }, select: HL7_MESSAGE_STATE_SELECT, orderBy: { id: "asc" }, take: 100 });
  return { fromRis: request.source === "HL7", messages: rows.map(toHl7MessageStateDto) };
}

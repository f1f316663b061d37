import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canPostToThread, postThreadMessageSchema, threadMessageRecipients, type PostThreadMessageInput } from "@/lib/domain/thread";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { notifyInTx } from "../notifications/notify";
import { visibleRequestsWhere } from "../requests/request-scope";
import { threadMessageSelect, toThreadMessageDto, type ThreadMessageDto } from "./thread-dto";

/**
 * Adds a message to a request's thread. The message, its audit row and the other
 * participants' notifications are written in one transaction; the thread hint and the
 * notification hints go out after commit. A request outside the actor's scope is not found.
 */
export async function postThreadMessage(args: { db: Db; actor: Actor; input: PostThreadMessageInput }): Promise<ThreadMessageDto> {
  const { db, actor } = args;
  // Parsed here too: the service is the last line whatever the caller (tRPC already parsed it).
  const parsed = postThreadMessageSchema.safeParse(args.input);
  if (!parsed.success) throw new AppError("BAD_INPUT", "Invalid thread message", { field: String(parsed.error.issues[0]?.path.join(".") ?? "") });
  const input = parsed.data;

  return runUseCase(db, async (tx, effects) => {
    const request = await tx.readingRequest.findFirst({
      where: { AND: [{ id: input.requestId }, visibleRequestsWhere(actor)] },
      select: { id: true, siteId: true, type: true, requesterId: true, holderId: true },
    });
    if (!request) throw new AppError("NOT_FOUND", "Request not found");
    if (!canPostToThread(actor, request.siteId)) throw new AppError("FORBIDDEN", "Only the people taking part in the request write in its thread");

    const row = await tx.threadMessage.create({
      data: { requestId: request.id, authorId: actor.id, body: input.body, quickAction: input.quickAction },
      select: threadMessageSelect,
    });
    // The text stays in the thread row (part of the trace); the audit row says who wrote when.
    await writeAudit(tx, {
      actorId: actor.id,
      action: "THREAD_MESSAGE_POSTED",
      entityType: "ThreadMessage",
      entityId: row.id.toString(),
      siteId: request.siteId,
      detail: { requestId: request.id, quickAction: input.quickAction },
    });

    const isTeleDiagnostic = request.type === "TELEDIAGNOSTIC";
    const radiographers = isTeleDiagnostic
      ? await tx.user.findMany({ where: { role: "RADIOGRAPHER", siteId: request.siteId, active: true }, select: { id: true } })
      : [];
    const recipients = threadMessageRecipients({
      authorId: actor.id,
      requesterId: request.requesterId,
      holderId: request.holderId,
      siteRadiographerIds: radiographers.map((r) => r.id),
      isTeleDiagnostic,
    });
    const active = await tx.user.findMany({ where: { id: { in: recipients }, active: true }, select: { id: true } });
    await notifyInTx(
      tx,
      effects,
      active.map((user) => ({
        userId: user.id,
        kind: "THREAD_MESSAGE" as const,
        requestId: request.id,
        // Never the message text: a notification carries no clinical content.
        detail: { authorName: actor.displayName, authorRole: actor.role, quickAction: input.quickAction },
      })),
    );
    const message = toThreadMessageDto(row);
    effects.threadChanged(message.requestId, request.siteId);
    return message;
  });
}

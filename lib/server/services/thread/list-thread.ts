import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canPostToThread } from "@/lib/domain/thread";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../requests/request-scope";
import { threadMessageSelect, toThreadMessageDto, type ThreadMessageDto } from "./thread-dto";

/** A thread is a conversation, not an archive export: the latest messages, oldest first. */
export const THREAD_LIMIT = 500;

export interface ThreadDto {
  requestId: string;
  /** Whether the actor may write in it (department heads read only). */
  canPost: boolean;
  messages: ThreadMessageDto[];
}

/**
 * A request's thread, oldest message first. Outside the actor's scope the request does not
 * exist. Messages may carry patient data, so the read is audited; every open thread refetches
 * on each new message, hence the buffered audit.
 */
export async function listThread(args: { db: Db; actor: Actor; requestId: string }): Promise<ThreadDto> {
  const { db, actor, requestId } = args;
  const request = await db.readingRequest.findFirst({
    where: { AND: [{ id: requestId }, visibleRequestsWhere(actor)] },
    select: {
      id: true,
      siteId: true,
      messages: { orderBy: [{ at: "desc" }, { id: "desc" }], take: THREAD_LIMIT, select: threadMessageSelect },
    },
  });
  if (!request) throw new AppError("NOT_FOUND", "Request not found");

  bufferReadAudit(db, {
    actorId: actor.id,
    action: "THREAD_READ",
    entityType: "ReadingRequest",
    entityId: request.id,
    siteId: request.siteId,
    detail: { count: request.messages.length },
  });
  return {
    requestId: request.id,
    canPost: canPostToThread(actor, request.siteId),
    messages: request.messages.reverse().map(toThreadMessageDto),
  };
}

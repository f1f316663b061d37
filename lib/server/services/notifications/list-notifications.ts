import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { Modality, NotificationKind, Priority, RequestType } from "@/lib/domain/enums";
import type { ListNotifications } from "@/lib/domain/notifications";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../requests/request-scope";

export type NotificationDetail = Record<string, string | number | boolean | null>;

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  createdAt: Date;
  readAt: Date | null;
  /** Small, non-clinical details written by the use case (a colleague's name, a level). */
  detail: NotificationDetail;
  /** A non-clinical summary of the request: no patient, no clinical text. */
  request: { id: string; siteCode: string; priority: Priority; type: RequestType; modality: Modality } | null;
}

export interface NotificationList {
  items: NotificationDto[];
  unreadCount: number;
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * The actor's own notifications, newest first, with the unread count. A notification about a
 * request the actor may no longer see (privilege expired) is left out, like the request.
 * Nothing here is patient data, so the read is not audited.
 */
export async function listNotifications(args: { db: Db; actor: Actor; input: ListNotifications }): Promise<NotificationList> {
  const { db, actor, input } = args;
  const mine = myVisibleNotifications(actor);
  const [rows, unreadCount] = await Promise.all([
    db.notification.findMany({
      where: {
        AND: [mine, input.unreadOnly ? { readAt: null } : {}, input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}],
      },
      orderBy: { id: "desc" },
      take: input.limit + 1,
      select: {
        id: true,
        kind: true,
        createdAt: true,
        readAt: true,
        detail: true,
        request: { select: { id: true, priority: true, type: true, modality: true, site: { select: { code: true } } } },
      },
    }),
    db.notification.count({ where: { AND: [mine, { readAt: null }] } }),
  ]);
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((row) => ({
      id: row.id.toString(),
      kind: row.kind,
      createdAt: row.createdAt,
      readAt: row.readAt,
      detail: flatDetail(row.detail),
      request: row.request
        ? { id: row.request.id, siteCode: row.request.site.code, priority: row.request.priority, type: row.request.type, modality: row.request.modality }
        : null,
    })),
    unreadCount,
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}

/** The actor's notifications that are about no request or about a request they still see. */
export function myVisibleNotifications(actor: Actor): Prisma.NotificationWhereInput {
  return { userId: actor.id, OR: [{ requestId: null }, { request: { is: visibleRequestsWhere(actor) } }] };
}

/** Only flat, primitive values reach the browser: the detail is a label source, not a document. */
function flatDetail(detail: Prisma.JsonValue): NotificationDetail {
  if (typeof detail !== "object" || detail === null || Array.isArray(detail)) return {};
  const flat: NotificationDetail = {};
  for (const [key, value] of Object.entries(detail)) {
    if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") flat[key] = value;
  }
  return flat;
}

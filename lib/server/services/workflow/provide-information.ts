import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { Db } from "../../db/client";
import { publishRequestChanged } from "../../realtime/publish";
import { notifyInTx, publishPendingNotifications } from "../notifications/notify";
import { loadSubjectFor } from "./load-workflow-subject";
import { transitionInTx } from "./transition-in-tx";

/** The requesting site's physician answers the radiologist's question: the request is submitted again. */
export async function provideInformation(args: { db: Db; actor: Actor; requestId: string; answer: string }) {
  const { db, actor } = args;
  const result = await db.$transaction(async (tx) => {
    const request = await loadSubjectFor(tx, actor, args.requestId, "PROVIDE_INFO");
    const status = await transitionInTx(tx, { request, actor, action: "PROVIDE_INFO", reason: args.answer });
    const pending = request.holderId
      ? await notifyInTx(tx, [{ userId: request.holderId, kind: "INFO_PROVIDED", requestId: request.id }])
      : null;
    return { status, siteId: request.siteId, pending };
  });
  publishRequestChanged(args.requestId, result.siteId);
  if (result.pending) publishPendingNotifications(result.pending);
  return { requestId: args.requestId, status: result.status };
}

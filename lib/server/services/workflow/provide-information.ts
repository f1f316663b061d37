import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { Db } from "../../db/client";
import { runUseCase } from "../../use-cases/run-use-case";
import { notifyInTx } from "../notifications/notify";
import { loadSubjectFor } from "./load-workflow-subject";
import { transitionInTx } from "./transition-in-tx";

/** The requesting site's physician answers the radiologist's question: the request is submitted again. */
export async function provideInformation(args: { db: Db; actor: Actor; requestId: string; answer: string }) {
  const { db, actor } = args;
  const status = await runUseCase(db, async (tx, effects) => {
    const request = await loadSubjectFor(tx, actor, args.requestId, "PROVIDE_INFO");
    const status = await transitionInTx(tx, { request, actor, action: "PROVIDE_INFO", reason: args.answer });
    effects.requestChanged(args.requestId, request.siteId);
    if (request.holderId) await notifyInTx(tx, effects, [{ userId: request.holderId, kind: "INFO_PROVIDED", requestId: request.id }]);
    return status;
  });
  return { requestId: args.requestId, status };
}

import "server-only";
import type { Actor } from "@/lib/domain/access";
import { canOpenDashboards } from "@/lib/domain/dashboard/dashboard-access";
import { AppError } from "@/lib/domain/errors";
import type { OperationsBoard } from "@/lib/domain/operations/board-view";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { BOARD_LIST_LIMIT, loadOperationsBoard } from "./load-operations-board";

/** Only the department head supervises the whole territory's live activity (and radiologists' loads). */
export function assertOperationsBoardAccess(actor: Actor): void {
  if (!canOpenDashboards(actor)) throw new AppError("FORBIDDEN", "The operations board is the department head's");
}

/**
 * The department head's live operations board at `now`. It names radiologists and their load,
 * and lists requests by accession number: each read is audited, buffered because every hint
 * of the territory makes an open board refetch.
 */
export async function getOperationsBoard(args: { db: Db; actor: Actor; now: Date; listLimit?: number }): Promise<OperationsBoard> {
  const { db, actor, now, listLimit = BOARD_LIST_LIMIT } = args;
  assertOperationsBoardAccess(actor);
  const board = await loadOperationsBoard({ db, now, listLimit });
  bufferReadAudit(db, {
    actorId: actor.id,
    action: "OPERATIONS_BOARD_READ",
    entityType: "Dashboard",
    entityId: "operations",
    detail: { ...board.counters, atRiskListed: board.atRisk.rows.length, escalatedFindings: board.escalatedFindings.total },
  });
  return board;
}

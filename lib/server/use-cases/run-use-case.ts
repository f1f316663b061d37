import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "../db/client";
import { EffectCollector, type Effects } from "./effects";

/** The transaction options callers may need (the client's defaults otherwise: db/client.ts). */
export interface UseCaseTransactionOptions {
  maxWait?: number;
  timeout?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
}

/**
 * Runs a use case's writes in one transaction and owns what it announces: `work` registers its
 * effects (hints, notifications, job wake-up) on `effects`; they are sent once, de-duplicated,
 * only after COMMIT. A rollback (a thrown error, a failed commit) sends nothing. A failing
 * effect is logged and never reaches the caller: the write is acknowledged as committed.
 */
export async function runUseCase<T>(db: Db, work: (tx: Tx, effects: Effects) => Promise<T>, options?: UseCaseTransactionOptions): Promise<T> {
  const collector = new EffectCollector();
  const result = await db.$transaction((tx) => work(tx, collector), options);
  collector.flush();
  return result;
}

// The faults bench's verdicts: every client's worklist against every acknowledged change, then
// against the database at the end (bench/faults.ts runs the scenarios).
import type { Db } from "@/lib/server/db/client";
import type { FaultClient } from "./fault-client";
import { mapLimit } from "./http-exchange";

export interface Change {
  requestId: string;
  stage: 1 | 2;
  ackAt: number;
  /** The instance that acknowledged it (HAProxy's X-Served-By). */
  instance: string;
}

export interface StreamResult {
  changes: Change[];
  acknowledgedSubmissions: string[];
  /** request id -> the claimers whose claim was acknowledged (200). */
  acknowledgedClaims: Map<string, string[]>;
  faultAt: number;
  /** 503 answers that did not carry Retry-After. */
  unavailableWithoutRetryAfter: number;
}

export interface Checks {
  missed: number;
  /** Of the missed, changes acknowledged by another instance than the client's socket's. */
  missedCrossInstance: number;
  clientsWithMisses: number;
  finalMismatches: number;
  doubleHolders: number;
  wrongHolders: number;
  lostSubmissions: number;
  lostClaims: number;
}

/**
 * Every client's view against every change, then against the database at the end.
 * `instanceAt` says which instance a client's socket was on when a change was acknowledged:
 * the split tells misses of changes made on the other instance (the shared hints' path) apart.
 */
export async function check(db: Db, deadlineMs: number, clients: readonly FaultClient[], stream: StreamResult, instanceAt: (client: FaultClient, at: number) => string): Promise<Checks> {
  let missed = 0;
  let missedCrossInstance = 0;
  let clientsWithMisses = 0;
  for (const client of clients) {
    let own = 0;
    for (const change of stream.changes) {
      const shownAt = client.firstShown.get(`${change.requestId}:${change.stage}`);
      if (shownAt !== undefined && shownAt - change.ackAt <= deadlineMs) continue;
      own++;
      if (instanceAt(client, change.ackAt) !== change.instance) missedCrossInstance++;
    }
    missed += own;
    if (own > 0) clientsWithMisses++;
  }
  // The end state: what each client shows against what the server answers now (from the database).
  let finalMismatches = 0;
  const truths = await mapLimit(clients, 10, (client) => client.fetchTruth());
  clients.forEach((client, index) => {
    const truth = truths[index];
    if (!truth) {
      console.log(`[bench] client ${index}: its worklist could not be fetched at the end`);
      finalMismatches++;
      return;
    }
    for (const [id, row] of truth) {
      const shown = client.shown.get(id);
      if (shown && shown.stage === row.stage && shown.holderId === row.holderId) continue;
      console.log(`[bench] client ${index} shows request ${id} as ${JSON.stringify(shown ?? null)}, the server has ${JSON.stringify(row)}`);
      finalMismatches++;
    }
    for (const id of client.shown.keys()) {
      if (truth.has(id)) continue;
      console.log(`[bench] client ${index} shows request ${id}, which the server no longer lists`);
      finalMismatches++;
    }
  });
  const stored = await db.readingRequest.findMany({ where: { id: { in: stream.acknowledgedSubmissions } }, select: { id: true, holderId: true } });
  const holderOf = new Map(stored.map((row) => [row.id, row.holderId]));
  let doubleHolders = 0;
  let wrongHolders = 0;
  for (const [requestId, claimers] of stream.acknowledgedClaims) {
    if (claimers.length > 1) doubleHolders++;
    // The one acknowledged claim is the holder the database has (a claim's write was not lost).
    if (claimers.length === 1 && holderOf.get(requestId) !== claimers[0]) wrongHolders++;
  }
  return {
    missed,
    missedCrossInstance,
    clientsWithMisses,
    finalMismatches,
    doubleHolders,
    wrongHolders,
    lostSubmissions: stream.acknowledgedSubmissions.filter((id) => !holderOf.has(id)).length,
    lostClaims: wrongHolders,
  };
}

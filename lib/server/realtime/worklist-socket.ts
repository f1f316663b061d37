import "server-only";
import type { Socket } from "socket.io";
import type { Actor } from "@/lib/domain/access";
import { isAppError } from "@/lib/domain/errors";
import type { WorklistFilter } from "@/lib/domain/worklist-filter-schema";
import { WORKLIST_FETCH_EVENT, worklistFetchSchema, type WorklistFetchAnswer, type WorklistFetchError } from "@/lib/domain/worklist-fetch";
import type { ResolveActor } from "../auth/actor-from-cookie";

/**
 * The worklist query for a socket's user (listWorklistSerialized); injected so that realtime
 * never touches the db. `seenVersion`: the highest change number the tab was told about.
 */
export type ListWorklistForSocket = (actor: Actor, filter: WorklistFilter, seenVersion: number) => Promise<{ version: number; rows: Uint8Array }>;

// A tab asks once per hint; a few in flight cover hints in quick succession. More would be a
// client hammering the audited read: refused, it falls back to HTTP like any failed fetch.
const MAX_IN_FLIGHT_PER_SOCKET = 4;

/**
 * `worklist:fetch` (acknowledged): the tRPC query `worklist.list` answered over the socket.
 * The user is resolved again at each fetch exactly as each HTTP request resolves it (an ended
 * session or a revoked privilege counts at once), then the same use case decides the rows
 * and writes the read audit. Every fetch gets an answer, an error one for bad input.
 */
export function handleWorklistFetch(socket: Socket, deps: { resolveActor: ResolveActor; listWorklist: ListWorklistForSocket }): void {
  let inFlight = 0;
  socket.on(WORKLIST_FETCH_EVENT, (payload: unknown, ack?: unknown) => {
    // Without an acknowledgement nobody would hear the rows: nothing to read, nothing audited.
    if (typeof ack !== "function") return;
    const reply = ack as (answer: WorklistFetchAnswer) => void;
    const parsed = worklistFetchSchema.safeParse(payload);
    if (!parsed.success) return reply(refused("BAD_REQUEST"));
    if (inFlight >= MAX_IN_FLIGHT_PER_SOCKET) return reply(refused("BUSY"));
    inFlight++;
    void answer(socket, deps, parsed.data.input, parsed.data.version)
      .then(reply)
      .finally(() => inFlight--);
  });
}

async function answer(
  socket: Socket,
  deps: { resolveActor: ResolveActor; listWorklist: ListWorklistForSocket },
  filter: WorklistFilter,
  seenVersion: number,
): Promise<WorklistFetchAnswer> {
  try {
    const connected = socket.data.actor as Actor;
    const sessionId = (socket.data.sessionId as string | null | undefined) ?? null;
    const actor = await deps.resolveActor(connected.id, { id: sessionId });
    if (!actor) return refused("UNAUTHORIZED");
    // The socket may have closed meanwhile (sign-out): nothing read, nothing audited.
    if (socket.disconnected) return refused("UNAUTHORIZED");
    const { version, rows } = await deps.listWorklist(actor, filter, seenVersion);
    return { ok: true, version, rows };
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") return refused("FORBIDDEN");
    if (isAppError(error) && error.code === "AUDIT_UNAVAILABLE") return refused("UNAVAILABLE");
    console.error("[realtime] worklist fetch failed:", error);
    return refused("INTERNAL");
  }
}

const refused = (error: WorklistFetchError): WorklistFetchAnswer => ({ ok: false, error });

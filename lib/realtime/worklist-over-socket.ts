import type { QueryClient, QueryKey } from "@tanstack/react-query";
import superjson from "superjson";
import type { WorklistFetch, WorklistFetchAnswer } from "@/lib/domain/worklist-fetch";

/** Sends one `worklist:fetch` and resolves with the server's answer; rejects on timeout or a closed socket. */
export type FetchWorklist = (fetch: WorklistFetch) => Promise<WorklistFetchAnswer>;

/** How long an answer may take before the tab refetches over HTTP instead. */
export const WORKLIST_FETCH_TIMEOUT_MS = 5_000;

const decoder = new TextDecoder();

/**
 * The live worklist's refresh on a `request.changed` hint: each worklist query a component
 * observes asks for its rows over the socket (its own input, and the highest change number
 * heard of) and gets them written into the query cache as the tRPC query would. A failed or
 * late answer falls back to invalidating that query (an HTTP refetch). Unobserved worklist
 * queries are only marked stale: they refetch when shown again.
 */
export class WorklistOverSocket {
  private seenVersion = 0;
  private issued = 0;
  /** Answers to fetches issued up to this ticket are dropped: a full resync came after them. */
  private superseded = 0;
  /** queryHash -> ticket of the newest answer written: an older answer arriving late is dropped. */
  private readonly applied = new Map<string, number>();

  constructor(
    private readonly queryClient: QueryClient,
    /** The tRPC path key of `worklist.list` (every input). */
    private readonly listKey: QueryKey,
  ) {}

  /** The highest change number heard of, kept across reconnections (it only ever rises). */
  noteVersion(version: number): void {
    if (Number.isSafeInteger(version) && version > this.seenVersion) this.seenVersion = version;
  }

  /**
   * A full resync (welcome, sequence gap) is starting over HTTP: answers to fetches asked before
   * it may predate the changes the resync is for, so they must neither be written nor cancel it.
   */
  supersede(): void {
    this.superseded = this.issued;
  }

  refresh(fetchWorklist: FetchWorklist, version: number): void {
    this.noteVersion(version);
    for (const query of this.queryClient.getQueryCache().findAll({ queryKey: this.listKey })) {
      const key = query.queryKey;
      const meta = key[1] as { input?: WorklistFetch["input"]; type?: string } | undefined;
      if (query.getObserversCount() === 0 || meta?.type !== "query") {
        void this.queryClient.invalidateQueries({ queryKey: key, exact: true });
        continue;
      }
      const ticket = ++this.issued;
      const fallBack = () => void this.queryClient.invalidateQueries({ queryKey: key, exact: true });
      fetchWorklist({ input: meta.input ?? {}, version: this.seenVersion })
        .then(async (answer) => {
          if (ticket <= this.superseded) return;
          if (!answer.ok) return fallBack();
          const rows: unknown = superjson.parse(decoder.decode(answer.rows));
          // An HTTP refetch still in flight may have started before the change: ours wins.
          if (query.state.fetchStatus === "fetching") await this.queryClient.cancelQueries({ queryKey: key, exact: true });
          if ((this.applied.get(query.queryHash) ?? 0) > ticket) return;
          this.applied.set(query.queryHash, ticket);
          this.queryClient.setQueryData(key, rows);
        })
        .catch(fallBack);
    }
  }
}

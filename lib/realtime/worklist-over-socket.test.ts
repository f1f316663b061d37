import { QueryClient, QueryObserver, type QueryKey } from "@tanstack/react-query";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { WorklistFetch, WorklistFetchAnswer } from "@/lib/domain/worklist-fetch";
import { WorklistOverSocket, type FetchWorklist } from "./worklist-over-socket";

// The keys tRPC's query options give `worklist.list` (path, then input and type).
const listPath: QueryKey = [["worklist", "list"]];
const keyOf = (input: WorklistFetch["input"]): QueryKey => [["worklist", "list"], { input, type: "query" }];
const empty = { statuses: [], siteIds: [], priorities: [], types: [] };
const vitalOnly = { ...empty, priorities: ["VITAL" as const] };

const rowsAnswer = (rows: unknown, version = 1): WorklistFetchAnswer => ({ ok: true, version, rows: new TextEncoder().encode(superjson.stringify(rows)) });

/** A query client with the given worklist queries shown (observed), each with old rows and a query function counting HTTP refetches. */
function pageWith(...inputs: WorklistFetch["input"][]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const httpFetches: string[] = [];
  const unsubscribes = inputs.map((input) => {
    queryClient.setQueryData(keyOf(input), [{ id: "old" }]);
    const observer = new QueryObserver(queryClient, {
      queryKey: keyOf(input),
      queryFn: () => {
        httpFetches.push(JSON.stringify(input));
        return [{ id: "over-http" }];
      },
    });
    return observer.subscribe(() => undefined);
  });
  return { queryClient, httpFetches, close: () => unsubscribes.forEach((unsubscribe) => unsubscribe()) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the worklist refreshed over the socket", () => {
  it("asks once per shown worklist query with its own input and the highest version heard of, and writes each answer in its query", async () => {
    const page = pageWith(empty, vitalOnly);
    const asked: WorklistFetch[] = [];
    const fetchWorklist: FetchWorklist = async (fetch) => {
      asked.push(fetch);
      return rowsAnswer([{ id: `for-${fetch.input?.priorities?.join() || "all"}`, submittedAt: new Date("2026-12-07T10:00:00Z") }]);
    };
    const worklist = new WorklistOverSocket(page.queryClient, listPath);
    worklist.noteVersion(9);
    worklist.refresh(fetchWorklist, 7);
    await settle();

    expect(asked).toEqual([
      { input: empty, version: 9 },
      { input: vitalOnly, version: 9 },
    ]);
    expect(page.queryClient.getQueryData(keyOf(empty))).toEqual([{ id: "for-all", submittedAt: new Date("2026-12-07T10:00:00Z") }]);
    expect(page.queryClient.getQueryData(keyOf(vitalOnly))).toEqual([{ id: "for-VITAL", submittedAt: new Date("2026-12-07T10:00:00Z") }]);
    expect(page.httpFetches).toEqual([]);
    page.close();
  });

  it("refetches over HTTP when the socket refuses or does not answer", async () => {
    const page = pageWith(empty);
    const worklist = new WorklistOverSocket(page.queryClient, listPath);
    worklist.refresh(async () => ({ ok: false, error: "UNAVAILABLE" }), 1);
    await settle();
    expect(page.httpFetches).toHaveLength(1);
    worklist.refresh(() => Promise.reject(new Error("operation has timed out")), 2);
    await settle();
    expect(page.httpFetches).toHaveLength(2);
    expect(page.queryClient.getQueryData(keyOf(empty))).toEqual([{ id: "over-http" }]);
    page.close();
  });

  it("drops an answer that arrives after a newer one", async () => {
    const page = pageWith(empty);
    const worklist = new WorklistOverSocket(page.queryClient, listPath);
    let answerFirst: (answer: WorklistFetchAnswer) => void = () => undefined;
    worklist.refresh(() => new Promise((resolve) => (answerFirst = resolve)), 1);
    worklist.refresh(async () => rowsAnswer([{ id: "newer" }], 2), 2);
    await settle();
    answerFirst(rowsAnswer([{ id: "older" }], 1));
    await settle();
    expect(page.queryClient.getQueryData(keyOf(empty))).toEqual([{ id: "newer" }]);
    page.close();
  });

  it("drops an answer asked before a full resync: it neither overwrites nor cancels the resync's refetch", async () => {
    const page = pageWith(empty);
    const worklist = new WorklistOverSocket(page.queryClient, listPath);
    let answerFirst: (answer: WorklistFetchAnswer) => void = () => undefined;
    worklist.refresh(() => new Promise((resolve) => (answerFirst = resolve)), 5);
    // A gap: everything refetched over HTTP.
    worklist.supersede();
    await page.queryClient.invalidateQueries();
    answerFirst(rowsAnswer([{ id: "before-the-gap" }], 5));
    await settle();
    expect(page.httpFetches).toHaveLength(1);
    expect(page.queryClient.getQueryData(keyOf(empty))).toEqual([{ id: "over-http" }]);
    page.close();
  });

  it("only marks a worklist nobody shows as stale", async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(keyOf(empty), [{ id: "old" }]);
    const asked: WorklistFetch[] = [];
    new WorklistOverSocket(queryClient, listPath).refresh(async (fetch) => (asked.push(fetch), rowsAnswer([])), 1);
    await settle();
    expect(asked).toEqual([]);
    expect(queryClient.getQueryState(keyOf(empty))?.isInvalidated).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { ID_CHUNK, pageOfMatches, type PageArgs } from "./page-of-matches";

// A stand-in for the Prisma query: every third id is visible; order is the ids' order.
const ALL = Array.from({ length: ID_CHUNK * 3 + 7 }, (_, index) => `id-${String(index).padStart(6, "0")}`);
const visible = new Set(ALL.filter((_, index) => index % 3 === 0));
const calls: PageArgs[] = [];
async function find(args: PageArgs): Promise<string[]> {
  calls.push(args);
  const rows = (args.ids ?? ALL).filter((id) => visible.has(id));
  return rows.slice(args.skip, args.skip + args.take);
}

describe("paging visible matches", () => {
  it("asks once with limit and offset for a short list or no condition", async () => {
    calls.length = 0;
    expect(await pageOfMatches(ALL.slice(0, 30), { limit: 2, offset: 1 }, find)).toEqual(["id-000003", "id-000006"]);
    expect(await pageOfMatches(null, { limit: 1, offset: 0 }, find)).toEqual(["id-000000"]);
    expect(calls).toHaveLength(2);
  });

  it("walks a long list in chunks and answers the same page as one query would", async () => {
    const expected = ALL.filter((id) => visible.has(id)).slice(1700, 1700 + 1000);
    calls.length = 0;
    expect(await pageOfMatches(ALL, { limit: 1000, offset: 1700 }, find)).toEqual(expected);
    expect(calls.every((call) => (call.ids?.length ?? 0) <= ID_CHUNK)).toBe(true);
    expect(calls.length).toBeLessThan(4);
  });
});

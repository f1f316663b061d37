// Paging a search whose matching ids come from SQL (find-matching-ids.ts) and whose visibility,
// order and attributes come from Prisma. A short list is one `id IN (...)` query; a long one
// (a condition matching much of the archive) is walked in ordered chunks, so that no query
// carries more bind parameters than PostgreSQL takes and the page is still the right one.

export const ID_CHUNK = 5000;

export interface PageArgs {
  ids: string[] | null;
  take: number;
  skip: number;
}

/** The page [offset, offset + limit) of the visible matches, in the ids' order. */
export async function pageOfMatches<T>(ids: string[] | null, page: { limit: number; offset: number }, find: (args: PageArgs) => Promise<T[]>): Promise<T[]> {
  if (ids === null || ids.length <= ID_CHUNK) return find({ ids, take: page.limit, skip: page.offset });
  const wanted = page.offset + page.limit;
  const found: T[] = [];
  for (let start = 0; start < ids.length && found.length < wanted; start += ID_CHUNK) {
    // The ids are in the search's order, so each chunk's first rows come before the next chunk's.
    found.push(...(await find({ ids: ids.slice(start, start + ID_CHUNK), take: wanted - found.length, skip: 0 })));
  }
  return found.slice(page.offset, wanted);
}

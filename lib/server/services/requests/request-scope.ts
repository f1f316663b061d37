import "server-only";
import { requestScope, type Actor } from "@/lib/domain/access";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The WHERE clause every request query starts from. Records outside it are simply not
 * found, so a foreign site's request answers exactly like a missing one.
 */
export function visibleRequestsWhere(actor: Actor): Prisma.ReadingRequestWhereInput {
  const scope = requestScope(actor);
  return scope.kind === "all" ? {} : { siteId: { in: [...scope.siteIds] } };
}

import "server-only";
import { staffSiteOf, type Actor } from "@/lib/domain/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visibleRequestsWhere } from "../../services/requests/request-scope";

/**
 * The studies an actor may see, the WHERE clause every image query (tRPC and DICOMweb)
 * starts from: studies linked to a request the actor may see; and, for the staff of the
 * sending site (referrers, radiographers), their site's studies not yet linked or waiting
 * for an identity confirmation, so that they can link and check them. Anything else answers
 * like a missing study.
 */
export function visibleStudiesWhere(actor: Actor): Prisma.DicomStudyWhereInput {
  const linked: Prisma.DicomStudyWhereInput = { linkState: "LINKED", request: visibleRequestsWhere(actor) };
  const siteId = staffSiteOf(actor);
  return siteId ? { OR: [linked, { siteId }] } : linked;
}

import { z } from "zod";
import { currentActor } from "@/lib/server/auth/current-actor";
import { getDb } from "@/lib/server/db/client";
import { download, problem, withProblems } from "@/lib/server/http/problem";
import { getReportCda } from "@/lib/server/services/cda/get-report-cda";

// GET /api/reports/<versionId>/cda: the signed version as its CDA R2 document (CI-SIS
// IMG-CR-IMG) for the patient's shared record (DMP). Thin, like the PDF route: session, id
// check, the use case, then HTTP. The service scopes and audits.

const versionIdSchema = z.uuid();

export const GET = withProblems(async (_request: Request, context: { params: Promise<{ versionId: string }> }): Promise<Response> => {
  const actor = await currentActor();
  if (!actor) return problem(401, "Sign in to download this document");
  const { versionId } = await context.params;
  const parsed = versionIdSchema.safeParse(versionId);
  if (!parsed.success) return problem(400, "Invalid report version id");

  const { fileName, xml } = await getReportCda({ db: getDb(), actor, versionId: parsed.data });
  return download(xml, "text/xml; charset=utf-8", fileName);
});

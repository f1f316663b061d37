import { z } from "zod";
import { currentActor } from "@/lib/server/auth/current-actor";
import { getDb } from "@/lib/server/db/client";
import { download, problem, problemOf } from "@/lib/server/http/problem";
import { getReportPdf } from "@/lib/server/services/reports/get-report-pdf";

// GET /api/reports/<versionId>/pdf: the signed report as a file. A plain download link (not
// tRPC) so that the browser saves it and the requester can file it in the patient's record.
// Thin: session, id check, the use case, then HTTP. The service scopes and audits.

const versionIdSchema = z.uuid();

export async function GET(_request: Request, context: { params: Promise<{ versionId: string }> }): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return problem(401, "Sign in to download this report");
  const { versionId } = await context.params;
  const parsed = versionIdSchema.safeParse(versionId);
  if (!parsed.success) return problem(400, "Invalid report version id");

  try {
    const { fileName, bytes } = await getReportPdf({ db: getDb(), actor, versionId: parsed.data });
    return download(bytes, "application/pdf", fileName);
  } catch (error) {
    const answer = problemOf(error);
    if (answer) return answer;
    throw error;
  }
}

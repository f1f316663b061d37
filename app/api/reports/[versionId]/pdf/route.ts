import { z } from "zod";
import { actorFromBearer } from "@/lib/server/auth/bearer/actor-from-bearer";
import { currentActor } from "@/lib/server/auth/current-actor";
import { getDb } from "@/lib/server/db/client";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/http/client-address";
import { download, problem, withProblems } from "@/lib/server/http/problem";
import { getReportPdf } from "@/lib/server/services/reports/get-report-pdf";

// GET /api/reports/<versionId>/pdf: the signed report as a file. A plain download link (not
// tRPC) so that the browser saves it and the requester can file it in the patient's record.
// Thin: session, id check, the use case, then HTTP. The service scopes and audits. An EHR
// follows a FHIR DiagnosticReport's presentedForm.url here with its bearer token instead of a
// session (lib/server/auth/bearer), scoped the same way.

const versionIdSchema = z.uuid();

export const GET = withProblems(async (request: Request, context: { params: Promise<{ versionId: string }> }): Promise<Response> => {
  const authorization = request.headers.get("authorization");
  let actor = await currentActor();
  if (!actor && authorization) {
    const outcome = await actorFromBearer(authorization, { channel: "REPORT_PDF", address: request.headers.get(CLIENT_ADDRESS_HEADER) ?? undefined });
    if (!outcome.ok) return problem(outcome.status, outcome.message, outcome.challenge ? { "www-authenticate": outcome.challenge } : {});
    actor = outcome.actor;
  }
  if (!actor) return problem(401, "Sign in to download this report");
  const { versionId } = await context.params;
  const parsed = versionIdSchema.safeParse(versionId);
  if (!parsed.success) return problem(400, "Invalid report version id");

  const { fileName, bytes } = await getReportPdf({ db: getDb(), actor, versionId: parsed.data });
  return download(bytes, "application/pdf", fileName);
});

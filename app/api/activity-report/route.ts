import { currentActor } from "@/lib/server/auth/current-actor";
import { getDb } from "@/lib/server/db/client";
import { download, problem, withProblems } from "@/lib/server/http/problem";
import { getActivityReportPdf } from "@/lib/server/services/activity-report/get-activity-report-pdf";

// GET /api/activity-report?month=YYYY-MM&siteId=<uuid> (or &groupId=<uuid>): the monthly
// activity report of a site or an inter-hospital agreement as a PDF, a plain download link.
// Thin: session, the query string, the use case (which checks the role, validates and
// audits), then HTTP.

export const GET = withProblems(async (request: Request): Promise<Response> => {
  const actor = await currentActor();
  if (!actor) return problem(401, "Sign in to download the activity report");
  const params = new URL(request.url).searchParams;
  const input = {
    month: params.get("month") ?? "",
    siteId: params.get("siteId") ?? undefined,
    groupId: params.get("groupId") ?? undefined,
  };
  const { fileName, bytes } = await getActivityReportPdf({ db: getDb(), actor, input, now: new Date() });
  return download(bytes, "application/pdf", fileName);
});

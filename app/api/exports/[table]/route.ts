import { getLocale } from "@/lib/i18n/server-locale";
import { currentActor } from "@/lib/server/auth/current-actor";
import { getDb } from "@/lib/server/db/client";
import { download, problem, withProblems } from "@/lib/server/http/problem";
import { exportCsv } from "@/lib/server/services/exports/export-csv";

// GET /api/exports/<table>?input=<json>: one table of the dashboards as CSV, a plain download.
// Thin: session, the query string, the use case (which checks the role and audits), then HTTP.

const MAX_INPUT_CHARS = 8192;

export const GET = withProblems(async (request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> => {
  const actor = await currentActor();
  if (!actor) return problem(401, "Sign in to export");
  const { table } = await context.params;
  const raw = new URL(request.url).searchParams.get("input") ?? "{}";
  if (raw.length > MAX_INPUT_CHARS) return problem(413, "Export input too large");
  let input: unknown;
  try {
    input = JSON.parse(raw);
  } catch {
    return problem(400, "The input parameter is not JSON");
  }
  const { fileName, csv } = await exportCsv({ db: getDb(), actor, table, rawInput: input, now: new Date(), locale: await getLocale() });
  return download(csv, "text/csv; charset=utf-8", fileName);
});

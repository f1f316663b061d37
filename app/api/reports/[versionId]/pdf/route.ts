import { z } from "zod";
import { isAppError } from "@/lib/domain/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { getDb } from "@/lib/server/db/client";
import { isDatabaseBusy } from "@/lib/server/db/database-busy";
import { getReportPdf } from "@/lib/server/services/reports/get-report-pdf";

// GET /api/reports/<versionId>/pdf: the signed report as a file. A plain download link (not
// tRPC) so that the browser saves it and the requester can file it in the patient's record.
// Thin: session, id check, the use case, then HTTP. The service scopes and audits.

const versionIdSchema = z.uuid();

const STATUS_OF_ERROR = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 } as const;

export async function GET(_request: Request, context: { params: Promise<{ versionId: string }> }): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return problem(401, "Sign in to download this report");
  const { versionId } = await context.params;
  const parsed = versionIdSchema.safeParse(versionId);
  if (!parsed.success) return problem(400, "Invalid report version id");

  try {
    const { fileName, bytes } = await getReportPdf({ db: getDb(), actor, versionId: parsed.data });
    return new Response(Buffer.from(bytes), {
      status: 200,
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${fileName}"`,
        "content-length": String(bytes.byteLength),
        // Patient data: never kept by a browser or proxy cache.
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code in STATUS_OF_ERROR) return problem(STATUS_OF_ERROR[error.code as keyof typeof STATUS_OF_ERROR], error.message);
    if (isDatabaseBusy(error)) return problem(503, "Server busy: try again in a moment", { "retry-after": "2" });
    throw error;
  }
}

function problem(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store", ...headers } });
}

import { getDb } from "@/lib/server/db/client";

/** Liveness and database reachability, for the hospital's monitoring. No patient data. */
export async function GET(): Promise<Response> {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "database unreachable" }, { status: 503 });
  }
}

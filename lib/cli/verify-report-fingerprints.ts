// `npm run reports:verify`: recomputes the SHA-256 fingerprint of every signed report version
// from its stored columns, checks each addendum's link to the version before it, and prints
// any mismatch. Exit code 0 when all match, 1 on any mismatch, 2 when it could not check.
//
// The database: DATABASE_URL when set; otherwise the embedded PostgreSQL that `npm start` keeps
// under DATA_DIR (the running server's, or started here for the check and stopped after).
// Read-only: it applies no migration and writes nothing.
import { runDatabaseCheck } from "./run-database-check";
import { verifyReportFingerprints, type FingerprintMismatch } from "@/lib/server/services/reports/verify-report-fingerprints";

const USAGE = `usage: npm run reports:verify
  Checks every signed report version against its SHA-256 fingerprint and its addendum chain.
  Database: DATABASE_URL (postgresql://...) when set, otherwise the embedded database under
  DATA_DIR (default .data, port EMBEDDED_PG_PORT) that \`npm start\` created.
  Exit code: 0 all match, 1 mismatch found, 2 could not check.`;

function describe(mismatch: FingerprintMismatch): string {
  const where = `version ${mismatch.versionId} (request ${mismatch.requestId}, sequence ${mismatch.sequence})`;
  const problem = mismatch.problem === "fingerprint" ? "content does not match its fingerprint" : "not chained to the previous signed version";
  return `MISMATCH ${where}: ${problem}\n  stored:   ${mismatch.stored ?? "none"}\n  computed: ${mismatch.computed ?? "none"}`;
}

runDatabaseCheck(USAGE, async (db) => {
  const { checked, mismatches } = await verifyReportFingerprints(db);
  for (const mismatch of mismatches) console.log(describe(mismatch));
  console.log(`checked ${checked} signed report versions, ${mismatches.length} mismatch(es)`);
  return mismatches.length > 0 ? 1 : 0;
});

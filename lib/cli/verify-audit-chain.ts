// `npm run audit:verify`: walks the audit log's hash chain (lib/domain/audit-chain.ts) and names
// every row that was altered, deleted or inserted out of chain since it was sealed. Exit code 0
// when the chain holds, 1 on any break, 2 when it could not check.
//
// The database: DATABASE_URL when set; otherwise the embedded PostgreSQL that `npm start` keeps
// under DATA_DIR (the running server's, or started here for the check and stopped after).
// Read-only: it applies no migration and writes nothing (sealing is the server's job).
import type { ChainProblem } from "@/lib/domain/audit-chain";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { runDatabaseCheck } from "./run-database-check";

const USAGE = `usage: npm run audit:verify
  Checks every sealed audit row against the hash chain the server keeps (AuditSeal).
  Database: DATABASE_URL (postgresql://...) when set, otherwise the embedded database under
  DATA_DIR (default .data, port EMBEDDED_PG_PORT) that \`npm start\` created.
  Exit code: 0 the chain holds, 1 break found, 2 could not check.
  Keep the printed head (id and hash) somewhere else (the operations log): a later run whose
  chain no longer passes through it shows a log rewritten wholesale.`;

const PROBLEM: Record<ChainProblem, string> = {
  altered: "its content no longer matches its sealed hash (altered)",
  deleted: "sealed, but the row is gone (deleted)",
  inserted: "a row where the chain recorded none (inserted out of chain)",
  unlinked: "its link does not follow the one before (links removed or forged before this id)",
};

runDatabaseCheck(USAGE, async (db) => {
  const report = await verifyAuditChain(db);
  for (const { auditId, problem } of report.breaks) console.log(`BREAK audit row ${auditId}: ${PROBLEM[problem]}`);
  const head = report.head ? `head id ${report.head.auditId} hash ${report.head.hash}` : "no sealed row yet";
  console.log(`checked ${report.checked} links; ${head}; ${report.unsealed} newer row(s) not sealed yet; ${report.breaks.length} break(s)`);
  return report.breaks.length > 0 ? 1 : 0;
});

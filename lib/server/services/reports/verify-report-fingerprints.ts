import "server-only";
import { reportFingerprint } from "@/lib/domain/reports/report-fingerprint";
import type { ReportValues } from "@/lib/domain/reports/template-definition";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "../../db/client";

// The check behind `npm run reports:verify`. The database refuses changes to a signed row, but
// a superuser can switch triggers off, and a restore can bring back altered rows: recomputing
// every fingerprint from the row's own columns shows whether the stored content is still what
// was signed. The chain check (each addendum names its predecessor's fingerprint) shows a
// removed, replaced or reordered version even when each row is self-consistent.

export interface FingerprintMismatch {
  versionId: string;
  requestId: string;
  sequence: number;
  /**
   * "fingerprint": the content no longer hashes to the stored fingerprint (stored vs computed).
   * "chain": previousFingerprint (stored) is not the fingerprint of the signed version just
   * before it (computed; null for an original, or when that version is missing or unsigned).
   */
  problem: "fingerprint" | "chain";
  stored: string | null;
  computed: string | null;
}

export interface VerificationResult {
  checked: number;
  mismatches: FingerprintMismatch[];
}

/** Rows read per query: memory stays flat however many reports the territory has signed. */
export const VERIFY_BATCH_SIZE = 500;

const signedRowSelect = {
  id: true,
  requestId: true,
  sequence: true,
  kind: true,
  templateId: true,
  values: true,
  narrative: true,
  conclusion: true,
  signedById: true,
  signerName: true,
  signedAt: true,
  fingerprint: true,
  previousFingerprint: true,
} satisfies Prisma.ReportVersionSelect;

export async function verifyReportFingerprints(db: Db, options: { batchSize?: number } = {}): Promise<VerificationResult> {
  const batchSize = options.batchSize ?? VERIFY_BATCH_SIZE;
  const mismatches: FingerprintMismatch[] = [];
  let checked = 0;
  let cursor: string | null = null;
  for (;;) {
    const rows: SignedRow[] = await db.reportVersion.findMany({
      where: { signedAt: { not: null }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: batchSize,
      select: signedRowSelect,
    });
    if (rows.length === 0) break;
    cursor = rows.at(-1)!.id;
    checked += rows.length;

    const predecessors = await predecessorFingerprints(db, rows);
    for (const row of rows) {
      const computed = recompute(row);
      if (computed !== row.fingerprint) mismatches.push({ ...identity(row), problem: "fingerprint", stored: row.fingerprint, computed });
      const expectedPrevious = row.sequence === 0 ? null : (predecessors.get(`${row.requestId}:${row.sequence - 1}`) ?? null);
      if (row.previousFingerprint !== expectedPrevious || (row.sequence > 0 && expectedPrevious === null)) {
        mismatches.push({ ...identity(row), problem: "chain", stored: row.previousFingerprint, computed: expectedPrevious });
      }
    }
    if (rows.length < batchSize) break;
  }
  return { checked, mismatches };
}

type SignedRow = Prisma.ReportVersionGetPayload<{ select: typeof signedRowSelect }>;

function identity(row: SignedRow) {
  return { versionId: row.id, requestId: row.requestId, sequence: row.sequence };
}

/** The fingerprint of exactly what the row holds, as signing computed it (sign-report.ts). */
function recompute(row: SignedRow): string {
  return reportFingerprint({
    requestId: row.requestId,
    sequence: row.sequence,
    kind: row.kind,
    templateId: row.templateId,
    values: row.values as ReportValues,
    narrative: row.narrative ?? "",
    conclusion: row.conclusion ?? "",
    signerId: row.signedById ?? "",
    signerName: row.signerName ?? "",
    signedAt: row.signedAt!,
    previousFingerprint: row.previousFingerprint,
  });
}

/** Stored fingerprints of the signed versions just before the batch's addenda, by "requestId:sequence". */
async function predecessorFingerprints(db: Db, rows: SignedRow[]): Promise<Map<string, string | null>> {
  const wanted = rows.filter((row) => row.sequence > 0).map((row) => ({ requestId: row.requestId, sequence: row.sequence - 1 }));
  if (wanted.length === 0) return new Map();
  const found = await db.reportVersion.findMany({
    where: { signedAt: { not: null }, OR: wanted },
    select: { requestId: true, sequence: true, fingerprint: true },
  });
  return new Map(found.map((version) => [`${version.requestId}:${version.sequence}`, version.fingerprint]));
}

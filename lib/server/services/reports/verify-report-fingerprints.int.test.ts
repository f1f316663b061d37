import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser } from "@/prisma/factories";
import { insertReportVersion, insertTemplate } from "../../reports/signed-report-test-kit";
import { insertRequests } from "../assignment/assignment-test-kit";
import { verifyReportFingerprints, type VerificationResult } from "./verify-report-fingerprints";

const db = connectTestDb();
const root = path.resolve(import.meta.dirname, "../../../..");

/** A request with its signed original and an addendum chained to it. */
async function signedReport() {
  const site = await createSite(db);
  const referrer = await createUser(db, { role: "REFERRER", siteId: site.id });
  const radiologist = await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] });
  const [requestId] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id, holderId: radiologist.id });
  const template = await insertTemplate(db);
  const common = { requestId: requestId!, templateId: template.id, signer: radiologist };
  const original = await insertReportVersion(db, { ...common, sequence: 0, narrative: "Pas d'hémorragie.", conclusion: "Normal.", signedAt: new Date("2026-03-01T10:42:00.123Z") });
  const addendum = await insertReportVersion(db, {
    ...common,
    sequence: 1,
    narrative: "Correction : petite lacune ancienne.",
    conclusion: "Lacune ancienne.",
    signedAt: new Date("2026-03-01T11:05:00Z"),
    previousFingerprint: original.fingerprint,
  });
  return { requestId: requestId!, template, radiologist, original, addendum };
}

/** Other tests share the database: look only at this test's requests. */
function mismatchesOf(result: VerificationResult, ...requestIds: string[]) {
  return result.mismatches.filter((mismatch) => requestIds.includes(mismatch.requestId));
}

/** Changes a signed row the way only a superuser can: with the triggers switched off. */
async function tamper(versionId: string, narrative: string) {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
    await tx.$executeRaw`UPDATE "ReportVersion" SET narrative = ${narrative} WHERE id = ${versionId}::uuid`;
  });
}

describe("the fingerprint verifier", () => {
  it("finds nothing wrong with reports as they were signed", async () => {
    const report = await signedReport();
    const result = await verifyReportFingerprints(db);
    expect(result.checked).toBeGreaterThanOrEqual(2);
    expect(mismatchesOf(result, report.requestId)).toEqual([]);
  });

  it("reports exactly the row whose content was changed behind the trigger's back", async () => {
    const report = await signedReport();
    const untouched = await signedReport();
    await tamper(report.original.id, "Hémorragie sous-arachnoïdienne.");

    // Small batches: the walk over several pages of rows must not skip any. Signed rows are
    // never deleted, so every row counted now is among those checked.
    const signedBefore = await db.reportVersion.count({ where: { signedAt: { not: null } } });
    const result = await verifyReportFingerprints(db, { batchSize: 3 });
    expect(result.checked).toBeGreaterThanOrEqual(signedBefore);
    const found = mismatchesOf(result, report.requestId, untouched.requestId);
    expect(found).toEqual([
      { versionId: report.original.id, requestId: report.requestId, sequence: 0, problem: "fingerprint", stored: report.original.fingerprint, computed: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect(found[0]!.computed).not.toBe(report.original.fingerprint);
  });

  it("reports an addendum that is not chained to the version before it", async () => {
    const report = await signedReport();
    // Self-consistent (its fingerprint covers the wrong link) but not chained to addendum 1.
    const stray = await insertReportVersion(db, {
      requestId: report.requestId,
      templateId: report.template.id,
      signer: report.radiologist,
      sequence: 2,
      narrative: "Addendum glissé.",
      conclusion: "Rien.",
      signedAt: new Date("2026-03-02T08:00:00Z"),
      previousFingerprint: report.original.fingerprint,
    });
    const found = mismatchesOf(await verifyReportFingerprints(db), report.requestId);
    expect(found).toEqual([
      { versionId: stray.id, requestId: report.requestId, sequence: 2, problem: "chain", stored: report.original.fingerprint, computed: report.addendum.fingerprint },
    ]);
  });

  it("is what `npm run reports:verify` runs: it prints the mismatch and exits with 1", async () => {
    const report = await signedReport();
    await tamper(report.addendum.id, "Texte modifié.");
    const run = promisify(execFile)(
      path.join(root, "node_modules/.bin/tsx"),
      ["--import", "./lib/server/register-server-only.mjs", "lib/cli/verify-report-fingerprints.ts"],
      { cwd: root, env: { ...process.env, DATABASE_URL: inject("databaseUrl") } },
    );
    const failure = await run.then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain(`MISMATCH version ${report.addendum.id} (request ${report.requestId}, sequence 1)`);
    expect(failure?.stdout).toMatch(/checked \d+ signed report versions, [1-9]\d* mismatch\(es\)/);
  });
});

describe("the database's guard on signed versions", () => {
  it("refuses a direct UPDATE or DELETE of a signed version", async () => {
    const report = await signedReport();
    await expect(db.$executeRaw`UPDATE "ReportVersion" SET narrative = 'Réécrit' WHERE id = ${report.original.id}::uuid`).rejects.toThrow(/immutable/);
    await expect(db.reportVersion.update({ where: { id: report.addendum.id }, data: { conclusion: "Autre" } })).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`DELETE FROM "ReportVersion" WHERE id = ${report.original.id}::uuid`).rejects.toThrow(/immutable/);
    const stored = await db.reportVersion.findUniqueOrThrow({ where: { id: report.original.id }, select: { narrative: true } });
    expect(stored.narrative).toBe("Pas d'hémorragie.");
  });

  it("lets a draft be saved, and refuses changes from the moment it is signed", async () => {
    const report = await signedReport();
    const draft = await insertReportVersion(db, {
      requestId: report.requestId,
      templateId: report.template.id,
      signer: report.radiologist,
      sequence: 2,
      narrative: "",
      conclusion: "",
      signedAt: null,
    });
    expect(await db.$executeRaw`UPDATE "ReportVersion" SET "draftVersion" = "draftVersion" + 1, values = '{"findings":"brouillon"}' WHERE id = ${draft.id}::uuid`).toBe(1);
    expect(await db.$executeRaw`UPDATE "ReportVersion" SET narrative = 'Signé', "signedAt" = now() WHERE id = ${draft.id}::uuid`).toBe(1);
    await expect(db.$executeRaw`UPDATE "ReportVersion" SET narrative = 'Après coup' WHERE id = ${draft.id}::uuid`).rejects.toThrow(/immutable/);
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pdfText } from "@/lib/testing/pdf-text";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { createSite, createUser } from "@/prisma/factories";
import { insertReportVersion, insertTemplate } from "../../reports/signed-report-test-kit";
import { insertRequests } from "../assignment/assignment-test-kit";
import { getReportPdf } from "./get-report-pdf";

const db = connectTestDb();

/** A site's care team, a foreign referrer, and a request with a signed report, an addendum and a new draft. */
async function signedRequest(options: { purpose?: "REPORT" | "OPINION" } = {}) {
  const [site, otherSite] = await Promise.all([createSite(db, "Centre hospitalier"), createSite(db, "Autre site")]);
  const [referrer, radiographer, radiologist, foreignReferrer] = await Promise.all([
    createUser(db, { role: "REFERRER", siteId: site.id }).then((u) => actorOf(db, u.id)),
    createUser(db, { role: "RADIOGRAPHER", siteId: site.id }).then((u) => actorOf(db, u.id)),
    createUser(db, { role: "RADIOLOGIST", readsFor: [site.id], displayName: "Dr Paul Durand" }).then((u) => actorOf(db, u.id)),
    createUser(db, { role: "REFERRER", siteId: otherSite.id }).then((u) => actorOf(db, u.id)),
  ]);
  const [requestId] = await insertRequests(db, { siteId: site.id, requesterId: referrer.id, holderId: radiologist.id, priority: "URGENT" });
  const template = await insertTemplate(db, { purpose: options.purpose, title: options.purpose === "OPINION" ? "Avis" : "TDM cérébrale sans injection" });
  const common = { requestId: requestId!, templateId: template.id, signer: radiologist };
  const original = await insertReportVersion(db, {
    ...common,
    sequence: 0,
    narrative: "Pas d'hémorragie intracrânienne. Score ASPECTS à 10.",
    conclusion: "Pas de signe d'accident vasculaire hémorragique.",
    signedAt: new Date("2026-03-01T10:42:00Z"),
  });
  const addendum = await insertReportVersion(db, {
    ...common,
    sequence: 1,
    narrative: "Relecture : lacune ancienne du noyau lenticulaire droit.",
    conclusion: "Lacune ancienne, sans caractère aigu.",
    signedAt: new Date("2026-03-01T11:05:00Z"),
    previousFingerprint: original.fingerprint,
  });
  const draft = await insertReportVersion(db, { ...common, sequence: 2, narrative: "Brouillon", conclusion: "", signedAt: null });
  const request = await db.readingRequest.findUniqueOrThrow({ where: { id: requestId! }, select: { accessionNumber: true, patientFamilyName: true } });
  return { site, referrer, radiographer, radiologist, foreignReferrer, requestId: requestId!, original, addendum, draft, ...request };
}

const downloads = (versionId: string) => db.auditLog.count({ where: { action: "REPORT_PDF_DOWNLOADED", entityType: "ReportVersion", entityId: versionId } });

describe("downloading a signed report as PDF", () => {
  it("gives the site's referrer the same document on every download, and audits each one", async () => {
    const t = await signedRequest();
    const first = await getReportPdf({ db, actor: t.referrer, versionId: t.original.id });
    const second = await getReportPdf({ db, actor: t.referrer, versionId: t.original.id });

    expect(first.fileName).toBe(`CR-${t.accessionNumber}-v0.pdf`);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    const text = await pdfText(first.bytes);
    expect(text).toContain(t.site.name);
    expect(text).toContain(t.patientFamilyName.toUpperCase());
    expect(text).toContain(t.accessionNumber);
    expect(text).toContain("Pas de signe d'accident vasculaire hémorragique.");
    expect(text).toContain("Signé électroniquement par Dr Paul Durand le 01/03/2026 à 11:42 (heure de Paris)");
    expect(text).toContain(`Empreinte SHA-256 : ${t.original.fingerprint}`);
    // The original's PDF is the original: the later addendum is not in it.
    expect(text).not.toContain("Addendum");

    const audits = await db.auditLog.findMany({ where: { action: "REPORT_PDF_DOWNLOADED", entityId: t.original.id }, select: { actorId: true, siteId: true, entityType: true } });
    expect(audits).toEqual([
      { actorId: t.referrer.id, siteId: t.site.id, entityType: "ReportVersion" },
      { actorId: t.referrer.id, siteId: t.site.id, entityType: "ReportVersion" },
    ]);
  });

  it("prints an addendum after the report it corrects, each with its own signature and fingerprint", async () => {
    const t = await signedRequest();
    const { fileName, bytes } = await getReportPdf({ db, actor: t.radiologist, versionId: t.addendum.id });
    expect(fileName).toBe(`CR-${t.accessionNumber}-v1.pdf`);
    const text = await pdfText(bytes);
    expect(text.indexOf(`Empreinte SHA-256 : ${t.original.fingerprint}`)).toBeGreaterThan(-1);
    expect(text.indexOf("Addendum n° 1")).toBeGreaterThan(text.indexOf(`Empreinte SHA-256 : ${t.original.fingerprint}`));
    expect(text).toContain("Lacune ancienne, sans caractère aigu.");
    expect(text).toContain(`Empreinte SHA-256 : ${t.addendum.fingerprint}`);
    // The draft that follows is nobody's document yet.
    expect(text).not.toContain("Brouillon");
  });

  it("titles a téléexpertise answer as an opinion", async () => {
    const t = await signedRequest({ purpose: "OPINION" });
    const text = await pdfText((await getReportPdf({ db, actor: t.referrer, versionId: t.original.id })).bytes);
    expect(text).toContain("Avis de téléexpertise");
  });

  it("refuses the site's radiographer, who does not read reports", async () => {
    const t = await signedRequest();
    await expect(getReportPdf({ db, actor: t.radiographer, versionId: t.original.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await downloads(t.original.id)).toBe(0);
  });

  it("answers another site's user exactly as for a report that does not exist", async () => {
    const t = await signedRequest();
    await expect(getReportPdf({ db, actor: t.foreignReferrer, versionId: t.original.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReportPdf({ db, actor: t.foreignReferrer, versionId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await downloads(t.original.id)).toBe(0);
  });

  it("has no PDF for a draft, not even for its author", async () => {
    const t = await signedRequest();
    await expect(getReportPdf({ db, actor: t.radiologist, versionId: t.draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReportPdf({ db, actor: t.referrer, versionId: t.draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await downloads(t.draft.id)).toBe(0);
  });
});

import { describe, expect, it, vi } from "vitest";
import { pdfText } from "@/lib/testing/pdf-text";
import { renderReportPdf } from "./render-report-pdf";
import type { ReportPdfInput, ReportPdfVersion } from "./report-pdf-input";

const ORIGINAL_FINGERPRINT = "3f6c9a0e1b2d4c5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b";
const ADDENDUM_FINGERPRINT = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

function version(overrides: Partial<ReportPdfVersion> = {}): ReportPdfVersion {
  return {
    kind: "ORIGINAL",
    sequence: 0,
    examTitle: "Scanner cérébral sans injection",
    narrative: "Pas d'hémorragie intracrânienne.\nScore ASPECTS à 10.\n\nVentricules de taille normale, sans déviation de la ligne médiane.",
    conclusion: "Pas de signe d'accident vasculaire hémorragique.",
    signerName: "Dr Paul Durand",
    // 10:42 UTC in March is 11:42 in Paris (UTC+1).
    signedAt: new Date("2026-03-01T10:42:00Z"),
    fingerprint: ORIGINAL_FINGERPRINT,
    ...overrides,
  };
}

function input(overrides: Partial<ReportPdfInput> = {}): ReportPdfInput {
  return {
    documentTitle: "Compte rendu",
    letterhead: { siteName: "Centre hospitalier de Montceau", siteCode: "MTC" },
    patient: { familyName: "Lefèvre", givenName: "Émilie", birthDate: new Date("1950-03-02"), sex: "FEMALE", sitePatientId: "IPP123456", ins: "250037512345678" },
    request: {
      type: "TELEDIAGNOSTIC",
      accessionNumber: "TR00000042",
      modality: "CT",
      bodyRegion: "Encéphale",
      requesterName: "Dr Claire Martin",
      submittedAt: new Date("2026-03-01T10:00:00Z"),
      clinicalQuestion: "AVC ischémique ? Hémorragie ?",
      expertQuestion: null,
    },
    versions: [version()],
    ...overrides,
  };
}

/** PDF.js puts a form feed between pages. */
const pages = (text: string) => text.split("\f");

describe("the signed report's PDF", () => {
  it("is byte-identical from one render to the next", async () => {
    const first = await renderReportPdf(input());
    // Another day on the server's clock changes nothing: the dates are the signature's.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2031-05-06T07:08:09Z") });
    const second = await renderReportPdf(input()).finally(() => vi.useRealTimers());
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(Buffer.from(first.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  });

  it("shows the site, the patient, the request, the report and its signature with the fingerprint in one piece", async () => {
    const text = await pdfText(await renderReportPdf(input()));
    expect(text).toContain("Centre hospitalier de Montceau");
    expect(text).toContain("Téléradiologie territoriale");
    expect(text).toContain("LEFÈVRE Émilie");
    expect(text).toContain("02/03/1950");
    expect(text).toContain("250037512345678");
    expect(text).toContain("TR00000042");
    expect(text).toContain("Dr Claire Martin");
    expect(text).toContain("Pas d'hémorragie intracrânienne.");
    expect(text).toContain("Pas de signe d'accident vasculaire hémorragique.");
    expect(text).toContain("Signé électroniquement par Dr Paul Durand le 01/03/2026 à 11:42 (heure de Paris)");
    expect(text).toContain(`Empreinte SHA-256 : ${ORIGINAL_FINGERPRINT}`);
    expect(text).toContain("Page 1 / 1");
  });

  it("prints the history: the original, then each addendum with its own signature", async () => {
    const text = await pdfText(
      await renderReportPdf(
        input({
          versions: [
            version(),
            version({ kind: "ADDENDUM", sequence: 1, narrative: "Correction : lire ASPECTS 9.", conclusion: "Inchangée.", signerName: "Paul Durand", signedAt: new Date("2026-07-01T08:05:00Z"), fingerprint: ADDENDUM_FINGERPRINT }),
          ],
        }),
      ),
    );
    const original = text.indexOf("Compte rendu");
    const addendum = text.indexOf("Addendum n° 1");
    expect(original).toBeGreaterThan(-1);
    expect(addendum).toBeGreaterThan(original);
    expect(text.indexOf(ORIGINAL_FINGERPRINT)).toBeLessThan(addendum);
    // Summer time: 08:05 UTC is 10:05 in Paris; the title is added to a bare name.
    expect(text).toContain("Signé électroniquement par Dr Paul Durand le 01/07/2026 à 10:05 (heure de Paris)");
    expect(text).toContain(`Empreinte SHA-256 : ${ADDENDUM_FINGERPRINT}`);
  });

  it("titles a téléexpertise opinion as such", async () => {
    const text = await pdfText(
      await renderReportPdf(
        input({
          documentTitle: "Avis de téléexpertise",
          request: { ...input().request, type: "TELEEXPERTISE", expertQuestion: "Lésion évolutive depuis 2024 ?" },
        }),
      ),
    );
    expect(text).toContain("Avis de téléexpertise");
    expect(text).toContain("Téléexpertise");
    expect(text).toContain("Lésion évolutive depuis 2024 ?");
  });

  it("substitutes characters the standard fonts cannot draw instead of failing", async () => {
    const narrative = "Sténose ≥ 70 % → angioscanner ≈ 2 cm ; contrôle à J+7 ✅ — œdème « modéré », 5 µm, 37 °C, 3 m².";
    const text = await pdfText(await renderReportPdf(input({ versions: [version({ narrative })] })));
    // PDF.js reads the micro sign back as the Greek mu it looks like.
    expect(text.replaceAll("\u03bc", "\u00b5")).toContain("Sténose >= 70 % -> angioscanner ~ 2 cm ; contrôle à J+7 ? — œdème « modéré », 5 µm, 37 °C, 3 m².");
  });

  it("wraps a long narrative over several pages, each numbered and identifying the patient", async () => {
    const paragraph = "Parenchyme cérébral de densité normale, sans lésion focale ni effet de masse, avec des sillons et des citernes de taille habituelle.";
    const narrative = Array.from({ length: 120 }, (_, index) => `${index + 1}. ${paragraph}`).join("\n");
    const text = await pdfText(await renderReportPdf(input({ versions: [version({ narrative })] })));
    const all = pages(text);
    expect(all.length).toBeGreaterThanOrEqual(3);
    all.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} / ${all.length}`);
      expect(page).toContain("LEFÈVRE Émilie");
    });
    // Every paragraph is there, wrapped (too long for one line), none lost at a page break.
    const flat = all.map((page) => page.replace(/\n/g, " ")).join(" ");
    for (const number of [1, 37, 80, 120]) expect(flat).toContain(`${number}. ${paragraph}`);
    expect(text).not.toContain(`1. ${paragraph}`);
    // The signature closes the last page, with the fingerprint whole.
    expect(all.at(-1)).toContain(`Empreinte SHA-256 : ${ORIGINAL_FINGERPRINT}`);
  });

  it("prints the conclusion once and the title once, worded for the act performed", async () => {
    const conclusion = "Occlusion de l'artère cérébrale moyenne gauche (M1).";
    const narrative = [
      "Occlusion artérielle\nOcclusion artérielle : oui",
      "Informations réglementaires (radioprotection)\nProduit de contraste : Iomeron 350, 70 mL, voie intraveineuse",
      // As narratives were signed before the fix: the conclusion inside, then the statement.
      `CONCLUSION\n${conclusion}`,
      "Acte réalisé par téléradiologie pour le site CH de Montceau. Téléradiologue : Dr Paul Durand.",
    ].join("\n\n");
    const text = await pdfText(await renderReportPdf(input({ versions: [version({ examTitle: "Angioscanner cérébral et des TSA avec injection", narrative, conclusion })] })));
    expect(text.split(conclusion)).toHaveLength(2);
    expect(text.split("Compte rendu")).toHaveLength(2);
    expect(text.split("Angioscanner cérébral et des TSA avec injection")).toHaveLength(2);
    expect(text).toContain("Produit de contraste : Iomeron 350, 70 mL, voie intraveineuse");
    // The teleradiology statement closes the report, after the conclusion, before the signature.
    expect(text.indexOf("Acte réalisé par téléradiologie")).toBeGreaterThan(text.indexOf(conclusion));
    expect(text.indexOf("Acte réalisé par téléradiologie")).toBeLessThan(text.indexOf("Signé électroniquement"));
  });

  it("does not repeat an opinion's title under itself", async () => {
    const text = await pdfText(await renderReportPdf(input({ documentTitle: "Avis de téléexpertise", versions: [version({ examTitle: "Avis de téléexpertise" })] })));
    expect(text.split("Avis de téléexpertise")).toHaveLength(2);
  });

  it("cuts a word longer than a line rather than letting it run off the page", async () => {
    const identifier = "X".repeat(400);
    const text = await pdfText(await renderReportPdf(input({ versions: [version({ narrative: identifier })] })));
    const pieces = text.split("\n").filter((line) => /^X+$/.test(line));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(identifier);
  });
});

import { describe, expect, it, vi } from "vitest";
import type { ActivityReport, TurnaroundRow } from "@/lib/domain/activity-report/activity-report-model";
import { SEGMENTS } from "@/lib/domain/dashboard/segments";
import { pdfText } from "@/lib/testing/pdf-text";
import { frenchMonth, renderActivityPdf } from "./render-activity-pdf";

const empty = (targetS: number | null): TurnaroundRow[] => SEGMENTS.map((segment) => ({ segment, count: 0, open: 0, median: null, p90: null, share: null, targetS }));

function report(overrides: Partial<ActivityReport> = {}): ActivityReport {
  const urgent = empty(3600).map((row) =>
    row.segment === "SUBMITTED_TO_SIGNED" ? { ...row, count: 3, open: 1, median: 6000, p90: 7200, share: 2 / 3, targetS: 10_800 } : row,
  );
  return {
    month: "2026-11",
    period: { from: "2026-11-01", to: "2026-11-30" },
    provisional: false,
    scope: { kind: "site", code: "MTC", name: "Centre hospitalier de Montceau" },
    volumes: {
      submitted: 1234,
      signed: 1100,
      cancelled: 12,
      refused: 2,
      open: 3,
      byType: [
        { key: "TELEDIAGNOSTIC", count: 1200 },
        { key: "TELEEXPERTISE", count: 34 },
      ],
      byPriority: [
        { key: "VITAL", count: 34 },
        { key: "URGENT", count: 600 },
        { key: "ROUTINE", count: 600 },
      ],
      byModality: [
        { key: "CT", count: 1000 },
        { key: "MR", count: 234 },
      ],
    },
    turnaround: [
      { priority: null, submitted: 1234, rows: urgent.map((row) => ({ ...row, targetS: null })) },
      { priority: "VITAL", submitted: 34, rows: empty(600) },
      { priority: "URGENT", submitted: 600, rows: urgent },
      { priority: "ROUTINE", submitted: 600, rows: empty(86_400) },
    ],
    refusals: [
      { date: "03/11/2026 14:05", accessionNumber: "TR00000012", siteCode: "MTC", type: "TELEDIAGNOSTIC", priority: "ROUTINE", modality: "CR", reason: "Radiographie standard suffisante" },
      { date: "17/11/2026 02:40", accessionNumber: "TR00000047", siteCode: "MTC", type: "TELEDIAGNOSTIC", priority: "VITAL", modality: "CT", reason: "Irradiation non justifiée chez une patiente enceinte" },
    ],
    cancellations: [{ date: "20/11/2026 09:00", accessionNumber: "TR00000050", siteCode: "MTC", type: "TELEDIAGNOSTIC", priority: "URGENT", modality: "US", reason: "Demande en double" }],
    ...overrides,
  };
}

/** PDF.js text with the runs of spaces that place the columns collapsed. */
const squeezed = async (bytes: Uint8Array) => (await pdfText(bytes)).replace(/ +/g, " ");

describe("the monthly activity report's PDF", () => {
  it("is byte-identical from one render to the next, whatever the server's clock says", async () => {
    const first = await renderActivityPdf(report());
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2031-05-06T07:08:09Z") });
    const second = await renderActivityPdf(report()).finally(() => vi.useRealTimers());
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(Buffer.from(first.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    // The document's date is the close of the month (1 December, midnight in Paris), not today.
    expect(Buffer.from(first).toString("latin1")).toContain("/CreationDate (D:20261130230000Z)");
  });

  it("states its title, scope, month and the basis of its figures", async () => {
    const text = await squeezed(await renderActivityPdf(report()));
    expect(text).toContain("Rapport mensuel d'activité de téléradiologie");
    expect(text).toContain("MTC — Centre hospitalier de Montceau");
    expect(text).toContain("novembre 2026");
    expect(text).toContain("chronologies des demandes");
    expect(text).toContain("du 1er novembre 2026 au 30 novembre 2026");
    expect(text).not.toContain("provisoires");
  });

  it("shows the volumes, by type, priority and modality, with their share", async () => {
    const text = await squeezed(await renderActivityPdf(report()));
    expect(text).toContain("Demandes soumises : 1 234");
    expect(text).toContain("Comptes rendus signés : 1 100");
    expect(text).toContain("Indications refusées : 2");
    expect(text).toContain("Demandes annulées : 12");
    expect(text).toContain("Télédiagnostic 1 200 97,2 %");
    expect(text).toContain("Urgence vitale 34 2,8 %");
    expect(text).toContain("Scanner (TDM) 1 000 81,0 %");
  });

  it("shows each priority's turnaround figures against its target", async () => {
    const text = await squeezed(await renderActivityPdf(report()));
    expect(text).toContain("Urgent — 600 demandes");
    expect(text).toContain("Soumission -> signature 3 1 1 h 40 2 h 00 66,7 % 3 h 00");
    expect(text).toContain("Soumission -> signature 3 1 1 h 40 2 h 00 66,7 % selon priorité");
    expect(text).toContain("Images complètes -> prise en charge 0 0 — — — 1 j");
  });

  it("lists the refusals and the cancellations with their reasons, and no patient", async () => {
    const text = await squeezed(await renderActivityPdf(report()));
    expect(text).toContain("Refus d'indication (2)");
    expect(text).toContain("03/11/2026 14:05 TR00000012 MTC Télédiagnostic Programmé Radiographie (CR)");
    expect(text).toContain("Motif : Radiographie standard suffisante");
    expect(text).toContain("Motif : Irradiation non justifiée chez une patiente enceinte");
    expect(text).toContain("Annulations (1)");
    expect(text).toContain("Motif : Demande en double");
  });

  it("names an agreement and its sites, and says when a list is empty or the month still running", async () => {
    const text = await squeezed(
      await renderActivityPdf(
        report({
          provisional: true,
          scope: { kind: "group", name: "GHT Bourgogne Sud", sites: [{ code: "MTC", name: "CH de Montceau" }, { code: "PAR", name: "CH de Paray" }] },
          refusals: [],
          cancellations: [],
        }),
      ),
    );
    expect(text).toContain("Convention inter-hospitalière : GHT Bourgogne Sud");
    expect(text).toContain("Sites : MTC — CH de Montceau ; PAR — CH de Paray");
    expect(text).toContain("Aucune indication refusée dans le mois.");
    expect(text).toContain("Aucune demande annulée dans le mois.");
    expect(text).toContain("chiffres provisoires");
  });

  it("numbers its pages and repeats the scope at the top of the next ones", async () => {
    const many = Array.from({ length: 60 }, (_, index) => ({ ...report().refusals[0]!, accessionNumber: `TR${String(index).padStart(8, "0")}` }));
    const pages = (await squeezed(await renderActivityPdf(report({ refusals: many })))).split("\f");
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} / ${pages.length}`));
    expect(pages[1]).toContain("MTC — Centre hospitalier de Montceau · novembre 2026");
  });
});

describe("month names", () => {
  it("are French and independent of the runtime", () => {
    expect(frenchMonth("2026-11")).toBe("novembre 2026");
    expect(frenchMonth("2027-02")).toBe("février 2027");
  });
});

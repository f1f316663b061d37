import { describe, expect, it } from "vitest";
import { effectiveDefinition } from "./effective-definition";
import { buildNarrative } from "./narrative";
import { performedExamTitle, reportDocumentText, versionHeadings, wasInjected } from "./report-document";
import { STARTER_TEMPLATES } from "./starter-templates";
import { missingRequiredFields } from "./template-values";

const STATEMENT = "Acte réalisé par téléradiologie pour le site CH de Gap. Téléradiologue : Dr Claire Martin.";
const stroke = STARTER_TEMPLATES.find((t) => t.code === "cta-head-neck-stroke")!;

/** The narrative exactly as signing stores it: the body, then the statement. */
function signedNarrative(injected: boolean, values: Record<string, string | number | boolean | null>) {
  const definition = effectiveDefinition(stroke.definition, { requestType: "TELEDIAGNOSTIC", modality: "CT", kind: "ORIGINAL", contrastInjection: injected });
  const built = buildNarrative(definition, values);
  return { definition, narrative: [built.narrative, STATEMENT].join("\n\n"), conclusion: built.conclusion };
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe("the signed report's text as printed", () => {
  it("shows the conclusion once, after the body, and the statement after the conclusion", () => {
    const signed = signedNarrative(true, { hemorrhage: false, occlusion: true, occlusion_site: "Cérébrale moyenne M1", conclusion: "Occlusion M1 gauche." });
    const text = reportDocumentText(signed.narrative, signed.conclusion);
    expect(count(`${text.body}\n${text.conclusion}\n${text.statement}`, "Occlusion M1 gauche.")).toBe(1);
    expect(text.body).toContain("Site de l'occlusion : Cérébrale moyenne M1");
    expect(text.body).not.toContain("téléradiologie");
    expect(text.statement).toBe(STATEMENT);
  });

  it("drops the conclusion block that narratives signed before this fix carried, and only when it is the conclusion", () => {
    const legacy = `Résultats\nHémorragie : non\n\nCONCLUSION\nNormal.\n\n${STATEMENT}`;
    expect(reportDocumentText(legacy, "Normal.")).toEqual({ body: "Résultats\nHémorragie : non", conclusion: "Normal.", statement: STATEMENT });
    // A section a radiologist titled "CONCLUSION" with other words in it is kept.
    expect(reportDocumentText("CONCLUSION\nAutre chose.", "Normal.").body).toBe("CONCLUSION\nAutre chose.");
  });

  it("asks for, and prints, the contrast agent given in the regulatory block of an injected act only", () => {
    const injected = signedNarrative(true, { reg_contrast_product: "Iomeron 350", reg_contrast_volume: 70, reg_contrast_route: "Intraveineuse", conclusion: "x" });
    expect(missingRequiredFields(injected.definition, {}).map((f) => f.label)).toEqual(expect.arrayContaining(["Produit de contraste administré", "Volume de produit de contraste"]));
    expect(reportDocumentText(injected.narrative, injected.conclusion).body).toContain("Produit de contraste : Iomeron 350, 70 mL, voie intraveineuse");

    const plain = signedNarrative(false, { reg_dose: 900, conclusion: "x" });
    expect(missingRequiredFields(plain.definition, {}).map((f) => f.label)).not.toContain("Produit de contraste administré");
    expect(reportDocumentText(plain.narrative, plain.conclusion).body).not.toContain("contraste");
  });
});

describe("the exam's title", () => {
  it("says what was performed, not what the template's title says", () => {
    expect(performedExamTitle("Scanner cérébral sans injection — AVC / traumatisme", true)).toBe("Scanner cérébral avec injection — AVC / traumatisme");
    expect(performedExamTitle("Scanner cérébral avec injection", false)).toBe("Scanner cérébral sans injection");
    expect(performedExamTitle("TDM abdominale sans et avec injection de produit de contraste", true)).toBe("TDM abdominale avec injection");
    // Unknown, or a title silent about injection: kept as written.
    expect(performedExamTitle("Scanner cérébral sans injection", null)).toBe("Scanner cérébral sans injection");
    expect(performedExamTitle("Angioscanner cérébral et des TSA — AVC", true)).toBe("Angioscanner cérébral et des TSA — AVC");
  });

  it("takes injection from the contrast agent recorded, else from the protocol", () => {
    expect(wasInjected({ reg_contrast_product: "Iomeron 350" }, false)).toBe(true);
    expect(wasInjected({ reg_contrast_product: "  " }, false)).toBe(false);
    expect(wasInjected({}, true)).toBe(true);
    expect(wasInjected(null, null)).toBe(null);
  });

  it("is printed once: the document's title, then the exam unless it repeats it", () => {
    expect(versionHeadings({ documentTitle: "Compte rendu", examTitle: "Angioscanner cérébral et des TSA — AVC", kind: "ORIGINAL", sequence: 0 })).toEqual({
      title: "Compte rendu",
      subtitle: "Angioscanner cérébral et des TSA — AVC",
    });
    expect(versionHeadings({ documentTitle: "Avis de téléexpertise", examTitle: "Avis de téléexpertise", kind: "ORIGINAL", sequence: 0 })).toEqual({ title: "Avis de téléexpertise", subtitle: null });
    expect(versionHeadings({ documentTitle: "Compte rendu", examTitle: "Compte rendu", kind: "ORIGINAL", sequence: 0 }).subtitle).toBeNull();
    expect(versionHeadings({ documentTitle: "Compte rendu", examTitle: "Scanner", kind: "ADDENDUM", sequence: 2 }).title).toBe("Addendum n° 2");
  });
});

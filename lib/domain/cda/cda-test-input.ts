import type { CdaInput } from "./cda-input";

// A signed CT report's CDA input for unit tests (not a test file itself).

export function sampleCdaInput(overrides: { ins?: string | null; addendum?: boolean; body?: string; conclusion?: string } = {}): CdaInput {
  const signedAt = new Date("2026-01-08T10:17:00Z");
  const original = {
    kind: "ORIGINAL" as const,
    sequence: 0,
    body: overrides.body ?? "Parenchyme cérébral\nPas d'hémorragie.",
    conclusion: overrides.conclusion ?? "Pas de lésion hémorragique.",
    statement: "Acte réalisé par téléradiologie pour le site CH Alpha. Téléradiologue : Dr Jean Martin.",
    signerName: "Dr Jean Martin",
    signedAt,
  };
  const addendum = { kind: "ADDENDUM" as const, sequence: 1, body: "Relecture : petite lacune ancienne.", conclusion: "Lacune ancienne.", statement: null, signerName: "Dr Jean Martin", signedAt: new Date("2026-01-08T12:00:00Z") };
  return {
    document: {
      versionId: overrides.addendum ? "6f1c1c1e-2f7a-4d35-9a4c-0c3f7f1a0002" : "6f1c1c1e-2f7a-4d35-9a4c-0c3f7f1a0001",
      setId: "0b6f2a51-7a7e-4f0e-8d57-5d3e1c9a0000",
      sequence: overrides.addendum ? 1 : 0,
      kind: overrides.addendum ? "ADDENDUM" : "ORIGINAL",
      replacesVersionId: overrides.addendum ? "6f1c1c1e-2f7a-4d35-9a4c-0c3f7f1a0001" : null,
      title: "Compte rendu - TDM cérébrale sans injection",
      signedAt: overrides.addendum ? addendum.signedAt : signedAt,
    },
    patient: {
      familyName: "PAT-TROIS",
      givenName: "DOMINIQUE",
      birthDate: new Date("1979-03-28T00:00:00Z"),
      sex: "FEMALE",
      sitePatientId: "IPP405660",
      sitePatientIdIssuer: null,
      ins: overrides.ins === undefined ? "279035121518989" : overrides.ins,
    },
    site: { code: "CHA", name: "CH Alpha" },
    signer: { name: "Dr Jean Martin", rpps: "10001234567", userId: "c1d2e3f4-0000-4000-8000-000000000001" },
    order: { requestId: "0b6f2a51-7a7e-4f0e-8d57-5d3e1c9a0000", placerOrderNumber: "CMD-42", accessionNumber: "TR00000042", siteAccessionNumber: null, requesterName: "Dr Urgentiste" },
    exam: { modality: "CT", bodyRegion: "Crâne", examTitle: "TDM cérébrale sans injection", performedAt: new Date("2026-01-08T09:25:00Z"), studyInstanceUids: ["1.2.250.1.3.152.235.2.12.187636474"] },
    clinical: { clinicalContext: "Chute, anticoagulé.", clinicalQuestion: "Hémorragie ?", expertQuestion: null, priorResults: null, requestedTechnique: null },
    technique: {
      performedTechnique: "Acquisition hélicoïdale",
      doseReport: "PDL total 850 mGy.cm",
      regulatory: ["Justification de l'acte : Traumatisme crânien sous anticoagulant", "Produit dose·longueur (PDL) : 850 mGy·cm"],
      dose: ["Produit dose·longueur (PDL) : 850 mGy·cm"],
    },
    versions: overrides.addendum ? [original, addendum] : [original],
  };
}

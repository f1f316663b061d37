// The identifiers and codes the ANS CI-SIS imaging report (IMG-CR-IMG) and the standards it
// builds on (HL7 CDA R2, HL7 France, DICOM PS3.20) ask for. Kept in one place so that the
// builder and the conformance tests read the same values.

export const LOINC = "2.16.840.1.113883.6.1";
export const DCM = "1.2.840.10008.2.16.4";
export const CONFIDENTIALITY = "2.16.840.1.113883.5.25";
export const ADMINISTRATIVE_GENDER = "2.16.840.1.113883.5.1";
/** ANS nomenclature of professions and specialities (TRE_G15 / R38). */
export const PROFESSION_SPECIALITY = "1.2.250.1.213.1.1.4.5";

/** RPPS number of a health professional, written "8" + RPPS (national identifier of PS). */
export const RPPS_ROOT = "1.2.250.1.71.4.2.1";

export const DOCUMENT_TEMPLATE_IDS = {
  hl7France: "2.16.840.1.113883.2.8.2.1",
  ciSis: "1.2.250.1.213.1.1.1.1",
  dicomImagingReport: "1.2.840.10008.9.1",
  dicomGeneralHeader: "1.2.840.10008.9.20",
  dicomImagingHeader: "1.2.840.10008.9.21",
  crImg: "1.2.250.1.213.1.1.1.45",
} as const;
/** The IMG-CR-IMG version this builder follows (templateId/@extension). */
export const CR_IMG_VERSION = "2024.01";

export const REPORT_DOCUMENT_CODE = { code: "18748-4", displayName: "CR d'imagerie médicale" } as const;

export interface SectionKind {
  /** The standard template first, then the CI-SIS one (the order of the ANS examples). */
  templateIds: readonly [string, string];
  code: string;
  codeSystem: string;
  codeSystemName: string;
  displayName: string;
  title: string;
}

export const SECTIONS = {
  clinicalInformation: {
    templateIds: ["1.2.840.10008.9.2", "1.2.250.1.213.1.1.2.205"],
    code: "55752-0", codeSystem: LOINC, codeSystemName: "LOINC", displayName: "Clinical information",
    title: "Informations cliniques",
  },
  request: {
    templateIds: ["1.2.840.10008.9.7", "1.2.250.1.213.1.1.2.211"],
    code: "55115-0", codeSystem: LOINC, codeSystemName: "LOINC", displayName: "Requested imaging studies information",
    title: "Demande d'examen",
  },
  medicalHistory: {
    templateIds: ["2.16.840.1.113883.10.20.22.2.39", "1.2.250.1.213.1.1.2.213"],
    code: "11329-0", codeSystem: LOINC, codeSystemName: "LOINC", displayName: "History general",
    title: "Historique médical",
  },
  procedure: {
    templateIds: ["1.2.840.10008.9.3", "1.2.250.1.213.1.1.2.206"],
    code: "55111-9", codeSystem: LOINC, codeSystemName: "LOINC", displayName: "Current imaging procedure descriptions",
    title: "Technique",
  },
  radiationExposure: {
    templateIds: ["1.2.840.10008.9.8", "1.2.250.1.213.1.1.2.215"],
    code: "73569-6", codeSystem: LOINC, codeSystemName: "LOINC", displayName: "Radiation exposure and protection information",
    title: "Exposition aux rayonnements ionisants",
  },
  findings: {
    templateIds: ["2.16.840.1.113883.10.20.6.1.2", "1.2.250.1.213.1.1.2.208"],
    code: "59776-5", codeSystem: LOINC, codeSystemName: "LOINC", displayName: "Procedure findings",
    title: "Résultats",
  },
  conclusion: {
    templateIds: ["1.2.840.10008.9.5", "1.2.250.1.213.1.1.2.209"],
    code: "19005-8", codeSystem: LOINC, codeSystemName: "LOINC", displayName: "Impression",
    title: "Synthèse et conclusion",
  },
  addendum: {
    templateIds: ["1.2.840.10008.9.6", "1.2.250.1.213.1.1.2.210"],
    code: "55107-7", codeSystem: LOINC, codeSystemName: "LOINC", displayName: "Addendum",
    title: "Addendum",
  },
} as const satisfies Record<string, SectionKind>;

/** FR-DICOM-Technique-imagerie entry (after DICOM Procedure Technique), required in the procedure section. */
export const TECHNIQUE_ENTRY_TEMPLATE_IDS = ["1.2.840.10008.9.14", "1.2.250.1.213.1.1.3.153"] as const;

/** DICOM modality codes (CID 29) with the French names of the CI-SIS value set JDV_ModaliteAcquisition. */
export const MODALITY_NAMES = {
  CT: "Tomodensitométrie",
  MR: "Imagerie par résonance magnétique",
  CR: "Radiographie numérisée",
  DX: "Radiographie numérique",
  US: "Échographie",
  XA: "Angiographie par rayons X",
  MG: "Mammographie",
  NM: "Médecine nucléaire",
  PT: "Tomographie par émission de positons",
  OT: "Autre",
} as const;

import { reportDocumentText } from "../reports/report-document";
import { BASIC_TEXT_SR_STORAGE, commonReportAttributes, DIAGNOSTIC_IMAGING_REPORT, fit, type ReportDocumentInput } from "./report-document-input";

// The signed report as a Basic Text SR (PS3.3 A.35.1): a CONTAINER titled LOINC 18748-4 holding
// one TEXT item per section of the narrative, the conclusion, and the teleradiology statement.
// COMPLETE and VERIFIED by the signer (with the RPPS), dated at the signature; an addendum
// names the previous version's document (Predecessor Documents Sequence). Pure.

/** The signed text split as the report page shows it (report-document.ts). */
export interface ReportText {
  /** The sections, each "Heading\nlines", as signed. */
  sections: readonly string[];
  conclusion: string;
  statement: string | null;
}

const FINDING = { CodeValue: "121071", CodingSchemeDesignator: "DCM", CodeMeaning: "Finding" } as const;
const CONCLUSION = { CodeValue: "121077", CodingSchemeDesignator: "DCM", CodeMeaning: "Conclusion" } as const;
const COMMENT = { CodeValue: "121106", CodingSchemeDesignator: "DCM", CodeMeaning: "Comment" } as const;
const PERSON_OBSERVER = { CodeValue: "121008", CodingSchemeDesignator: "DCM", CodeMeaning: "Person Observer Name" } as const;
/** The RPPS register (the OID of the national PS identifiers, as in HL7 and the CDA). */
const RPPS_SCHEME = { CodingSchemeDesignator: "RPPS", CodingSchemeUID: "1.2.250.1.71.4.2.1" } as const;

/** UT holds any length; the value separator is not special in UT, but ends of lines are kept as CR LF (PS3.5 6.1.3). */
const textItem = (concept: object, text: string) => ({
  RelationshipType: "CONTAINS",
  ValueType: "TEXT",
  ConceptNameCodeSequence: [{ ...concept }],
  TextValue: text.replace(/\r?\n/g, "\r\n"),
});

export function buildBasicTextSr(input: ReportDocumentInput, text: ReportText): Record<string, unknown> {
  const common = commonReportAttributes(input, BASIC_TEXT_SR_STORAGE, "SR");
  const signedAt = `${common.ContentDate as string}${common.ContentTime as string}`;
  const items = [
    ...text.sections.filter((section) => section.trim() !== "").map((section) => textItem(FINDING, section.trim())),
    ...(text.conclusion.trim() ? [textItem(CONCLUSION, text.conclusion.trim())] : []),
    ...(text.statement ? [textItem(COMMENT, text.statement)] : []),
  ];
  return {
    ...common,
    // SR Document Series: no performed procedure step of ours.
    ReferencedPerformedProcedureStepSequence: [],
    // SR Document General.
    CompletionFlag: "COMPLETE",
    VerificationFlag: "VERIFIED",
    VerifyingObserverSequence: [
      {
        VerifyingObserverName: [{ Alphabetic: personName(input.signer.name) }],
        VerifyingObserverIdentificationCodeSequence: input.signer.rpps ? [{ CodeValue: input.signer.rpps, ...RPPS_SCHEME, CodeMeaning: fit(input.signer.name, 64) }] : [],
        VerifyingOrganization: fit(input.institutionName, 64),
        VerificationDateTime: signedAt,
      },
    ],
    ...(input.predecessor
      ? {
          PredecessorDocumentsSequence: [
            {
              StudyInstanceUID: input.predecessor.studyInstanceUid,
              ReferencedSeriesSequence: [
                {
                  SeriesInstanceUID: input.predecessor.seriesInstanceUid,
                  ReferencedSOPSequence: [{ ReferencedSOPClassUID: input.predecessor.sopClassUid, ReferencedSOPInstanceUID: input.predecessor.sopInstanceUid }],
                },
              ],
            },
          ],
        }
      : {}),
    ReferencedRequestSequence: [
      {
        StudyInstanceUID: input.study.studyInstanceUid,
        AccessionNumber: input.study.accessionNumber ?? "",
        PlacerOrderNumberImagingServiceRequest: "",
        FillerOrderNumberImagingServiceRequest: "",
        RequestedProcedureID: "",
        RequestedProcedureDescription: "",
        RequestedProcedureCodeSequence: [],
      },
    ],
    PerformedProcedureCodeSequence: [],
    // SR Document Content: the root container.
    ValueType: "CONTAINER",
    ConceptNameCodeSequence: [{ ...DIAGNOSTIC_IMAGING_REPORT }],
    ContinuityOfContent: "SEPARATE",
    ContentSequence: [
      { RelationshipType: "HAS OBS CONTEXT", ValueType: "PNAME", ConceptNameCodeSequence: [{ ...PERSON_OBSERVER }], PersonName: [{ Alphabetic: personName(input.signer.name) }] },
      ...items,
    ],
  };
}

/** "Dr Eric Thomas" as a PN value: the display name in the family name component (no parsing of a free name). */
function personName(name: string): string {
  return fit(name.replace(/\^|=/g, " "), 64);
}

/** The stored narrative and conclusion as the SR's items: one per section, as the page shows them. */
export function reportTextFrom(narrative: string, conclusion: string): ReportText {
  const text = reportDocumentText(narrative, conclusion);
  return { sections: text.body.split(/\n{2,}/).filter((block) => block.trim() !== ""), conclusion: text.conclusion, statement: text.statement };
}

import { commonReportAttributes, DIAGNOSTIC_IMAGING_REPORT, ENCAPSULATED_PDF_STORAGE, fit, type ReportDocumentInput } from "./report-document-input";

// The signed report's PDF as an Encapsulated PDF instance (PS3.3 A.45.1): the same bytes the
// report page downloads, so the PACS viewer shows the document the requester reads. Pure.

export function buildEncapsulatedPdf(input: ReportDocumentInput, pdf: Uint8Array): Record<string, unknown> {
  // OB values have an even length (PS3.5 7.1.1): a trailing NUL, the true length alongside.
  const padded = new Uint8Array(pdf.byteLength + (pdf.byteLength % 2));
  padded.set(pdf);
  return {
    ...commonReportAttributes(input, ENCAPSULATED_PDF_STORAGE, "DOC"),
    // SC Equipment: made by a workstation, from no image.
    ConversionType: "WSD",
    // Encapsulated Document module.
    AcquisitionDateTime: "",
    // The PDF prints the patient's name and identifiers: it must not be shown anonymised.
    BurnedInAnnotation: "YES",
    DocumentTitle: fit(input.title, 64),
    ConceptNameCodeSequence: [{ ...DIAGNOSTIC_IMAGING_REPORT }],
    MIMETypeOfEncapsulatedDocument: "application/pdf",
    EncapsulatedDocument: [padded.buffer],
    EncapsulatedDocumentLength: pdf.byteLength,
  };
}

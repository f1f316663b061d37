import type { Sex } from "./enums";

// What the viewer needs to open a request's images: the studies to hang, and the same
// patient's earlier studies in the territory (priors). Plain data: the server builds it
// once the actor's access is checked, the client viewer only renders it.

/** What an instance holds (DicomInstance.content): images are anything with pixel data. */
export type InstanceContent = "IMAGE" | "STRUCTURED_REPORT" | "ENCAPSULATED_DOCUMENT" | "WAVEFORM" | "OTHER";

export interface ViewerSeries {
  seriesInstanceUid: string;
  modality: string;
  number: number | null;
  description: string | null;
  instanceCount: number;
  /**
   * What the series holds, decided by its instances' content and never by its Modality
   * (OT, SC, empty... all hold images): IMAGE as soon as one instance has pixel data (it hangs
   * in a viewport), else its most frequent kind (listed as a document).
   */
  content: InstanceContent;
}

const DOCUMENT_ORDER: readonly InstanceContent[] = ["STRUCTURED_REPORT", "ENCAPSULATED_DOCUMENT", "WAVEFORM", "OTHER"];

/** A series' content from how many of its instances hold each kind (a missing kind counts 0). */
export function seriesContent(counts: Partial<Record<InstanceContent, number>>): InstanceContent {
  if ((counts.IMAGE ?? 0) > 0) return "IMAGE";
  let best: InstanceContent = "OTHER";
  let bestCount = 0;
  for (const kind of DOCUMENT_ORDER) {
    const count = counts[kind] ?? 0;
    if (count > bestCount) [best, bestCount] = [kind, count];
  }
  return best;
}

export interface ViewerStudy {
  studyInstanceUid: string;
  /** DA, YYYYMMDD */
  studyDate: string | null;
  description: string | null;
  accessionNumber: string | null;
  series: ViewerSeries[];
}

/**
 * How a prior was matched to the current patient. "INS": both requests carry the same
 * national health identifier (qualified identity). "TRAITS": family name, given name,
 * birth date and sex agree, but at least one side has no INS, so the match is not qualified
 * and the reader must check it.
 */
export type PriorMatch = "INS" | "TRAITS";

export interface ViewerPrior extends ViewerStudy {
  requestId: string;
  siteName: string;
  match: PriorMatch;
}

export interface ViewerOpening {
  requestId: string;
  accessionNumber: string;
  patient: {
    familyName: string;
    givenName: string;
    /** YYYY-MM-DD */
    birthDate: string;
    sex: Sex;
    sitePatientId: string;
    ins: string | null;
  };
  /** The request carries an INS (identité qualifiée). */
  identityQualified: boolean;
  studies: ViewerStudy[];
  /** Only for the radiologist holding the request: priors are read to compare. */
  priors: ViewerPrior[];
}

import type { Messages } from "../../types";

export const searchEn: Messages["search"] = {
  label: "Search for a patient",
  placeholder: "Patient, IPP, INS, accession no.",
  hint: "Name (accents and case ignored), or exact IPP, INS or accession number, among the requests you may see.",
  submit: "Search",
  title: "Patient search",
  resultsFor: "Results for “{query}”",
  tooShort: "Type at least 2 letters or digits.",
  none: "No request matches among those you may see.",
  count: "{count} request(s), most recent first.",
  truncated: "The {count} most recent requests are shown: refine the search to find the others.",
  columns: {
    patient: "Patient",
    birthDate: "Born",
    ipp: "IPP",
    site: "Site",
    exam: "Exam",
    status: "Status",
    submittedAt: "Submitted",
  },
};

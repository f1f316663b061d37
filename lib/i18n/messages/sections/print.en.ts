// Printing the request's prescription and the report (en).
export const printEn = {
  requestButton: "Print the prescription",
  reportButton: "Print the report",
  reportTitle: "Report",
  sheetTitle: "Acquisition prescription",
  identity: "Patient identity",
  request: "Request",
  accession: "Request no.",
  siteAccession: "Site no.",
  safety: "Patient safety",
  protocol: "Validated protocol",
  noProtocol: "No protocol validated yet.",
  validatedBy: "Validated by {name}",
  indicationBy: "Indication validated by {name}",
  footer: "Working document from the territorial teleradiology network. Does not replace the signed report.",
};

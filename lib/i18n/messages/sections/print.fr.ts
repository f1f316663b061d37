// Printing the request's prescription and the report (fr).
export const printFr = {
  requestButton: "Imprimer la prescription",
  reportButton: "Imprimer le compte rendu",
  reportTitle: "Compte rendu",
  sheetTitle: "Prescription d'acquisition",
  identity: "Identité du patient",
  request: "Demande",
  accession: "N° de demande",
  siteAccession: "N° du site",
  safety: "Sécurité du patient",
  protocol: "Protocole validé",
  noProtocol: "Aucun protocole validé à ce jour.",
  validatedBy: "Validé par {name}",
  indicationBy: "Indication validée par {name}",
  footer: "Document de travail issu de la télé-radiologie territoriale. Ne remplace pas le compte rendu signé.",
} as const;

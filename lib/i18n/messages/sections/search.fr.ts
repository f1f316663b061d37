// The header's patient search. French, the reference.
export const searchFr = {
  label: "Rechercher un patient",
  placeholder: "Patient, IPP, INS, n° d'accession",
  hint: "Nom (sans accents ni majuscules), ou IPP, INS, numéro d'accession exacts, parmi les demandes que vous pouvez voir.",
  submit: "Rechercher",
  title: "Recherche de patient",
  resultsFor: "Résultats pour « {query} »",
  tooShort: "Saisissez au moins 2 lettres ou chiffres.",
  none: "Aucune demande ne correspond parmi celles que vous pouvez voir.",
  count: "{count} demande(s), la plus récente d'abord.",
  truncated: "Les {count} demandes les plus récentes sont affichées : précisez la recherche pour trouver les autres.",
  columns: {
    patient: "Patient",
    birthDate: "Né(e) le",
    ipp: "IPP",
    site: "Site",
    exam: "Examen",
    status: "Statut",
    submittedAt: "Soumise le",
  },
} as const;

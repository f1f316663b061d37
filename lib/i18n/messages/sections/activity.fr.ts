// The monthly activity report (PDF) of a site or an inter-hospital agreement, as the
// department head downloads it from the dashboard. French, the reference.
export const activityFr = {
  title: "Rapport mensuel d'activité",
  hint: "Volumes, délais de prise en charge, part dans la cible, refus et annulations avec leurs motifs : le document que les établissements transmettent comme indicateur qualité.",
  month: "Mois",
  scope: "Périmètre",
  choose: "— Choisir un site ou une convention —",
  sites: "Sites",
  agreements: "Conventions inter-hospitalières",
  agreementOption: "{name} ({count} site(s))",
  download: "Télécharger le PDF",
  loadFailed: "Impossible de charger la liste des sites.",
  validation: {
    month: "Mois invalide (AAAA-MM).",
    futureMonth: "Ce mois n'a pas encore commencé.",
    scope: "Choisissez un site ou une convention, et un seul.",
    emptyGroup: "Cette convention ne regroupe aucun site.",
  },
};

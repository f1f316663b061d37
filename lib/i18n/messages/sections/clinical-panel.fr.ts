// The viewer's clinical panel (the request's clinical information beside the images). French, the reference.
export const clinicalPanelFr = {
  title: "Informations cliniques",
  show: "Afficher les informations cliniques (C)",
  hide: "Masquer les informations cliniques (C)",
  loadError: "Les informations cliniques n'ont pas pu être chargées : {message}",
  retry: "Réessayer",
  context: "Contexte clinique",
  question: "Question posée",
  expertQuestion: "Question à l'expert",
  safety: "Sécurité (injection)",
  protocol: "Protocole validé",
  noProtocol: "Aucun protocole transmis.",
  priority: "Priorité",
  requester: "Demandeur",
  exam: "Examen demandé",
  proposedExam: "Examen proposé : {exam}",
} as const;

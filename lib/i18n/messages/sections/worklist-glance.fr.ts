// The worklist at a glance and by keyboard: row marks, keys and their help panel (fr).
export const worklistGlanceFr = {
  marks: {
    escalated: "Escaladée",
    escalatedHint: "Non prise en charge dans le délai : escaladée, toujours en attente d'un radiologue.",
    critical: "Résultat critique à confirmer ({count})",
    criticalHint: "Résultat critique signalé par le radiologue, pas encore pris en compte par le service demandeur.",
  },
  keys: {
    next: "Demande suivante",
    previous: "Demande précédente",
    first: "Première demande",
    last: "Dernière demande",
    open: "Ouvrir la demande sélectionnée",
    claim: "Prendre la demande sélectionnée",
    release: "Libérer la demande sélectionnée",
    help: "Afficher cette aide",
    back: "Depuis une demande : revenir à la liste de travail",
  },
  keyNames: { Home: "Début", End: "Fin", Enter: "Entrée", Backspace: "Retour arrière" },
  helpButton: "Raccourcis clavier (?)",
  helpTitle: "Raccourcis clavier de la liste de travail",
  helpKeys: "Touches",
  helpAction: "Action",
  or: "ou",
  helpNote: "Les touches sont sans effet pendant la saisie dans un champ (filtres, recherche).",
  close: "Fermer",
  selectedRow: "Demande sélectionnée",
} as const;

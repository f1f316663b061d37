// Request thread and quick actions. French, the reference.
export const threadFr = {
  title: "Échanges",
  empty: "Aucun message pour l'instant.",
  inputLabel: "Message",
  placeholder: "Écrire aux intervenants de la demande…",
  send: "Envoyer",
  sending: "Envoi…",
  quickActionsLabel: "Actions rapides",
  quickActionHint: "Une action rapide envoie son libellé, suivi du texte saisi s'il y en a un.",
  readOnly: "Vous lisez les échanges de cette demande sans y participer.",
  permanent: "Les messages font partie de la traçabilité de la demande : ils ne sont ni modifiés ni supprimés.",
  you: "vous",
  characters: "{count}/{max}",
  quickActions: {
    NEED_CREATININE: "Besoin de la créatinine",
    PROTOCOL_CHANGED: "Protocole modifié",
    PATIENT_TRANSFERRED: "Patient transféré",
    IMAGES_SENT: "Images envoyées",
    CALL_ME: "Merci de me rappeler",
  },
} as const;

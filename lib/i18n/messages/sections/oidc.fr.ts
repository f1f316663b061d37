// Sign-in through an OpenID provider (Pro Santé Connect by default; {name} is its configured name). French, the reference.
export const oidcFr = {
  button: "Se connecter avec {name}",
  or: "ou avec votre adresse e-mail",
  back: "Revenir à la page précédente",
  stepUp: {
    title: "Confirmer votre identité",
    explanation: "Cette action demande une authentification récente : {name} va vous demander de vous authentifier à nouveau (carte CPS ou e-CPS), puis vous reviendrez ici.",
    confirm: "M'authentifier avec {name}",
    unavailable: "Aucun fournisseur d'identité n'est configuré sur ce service.",
  },
  refusals: {
    MISSING_RPPS: "{name} n'a transmis aucun numéro RPPS : ce service est réservé aux professionnels inscrits au RPPS.",
    UNKNOWN_RPPS: "Aucun compte ne porte votre numéro RPPS. Demandez à l'administrateur de l'ajouter à votre compte.",
    INACTIVE_ACCOUNT: "Votre compte est désactivé. Contactez l'administrateur.",
    INSUFFICIENT_ACR: "Authentification insuffisante : {name} n'a pas confirmé le niveau requis. Reconnectez-vous avec un moyen plus fort (pour Pro Santé Connect : carte CPS ou e-CPS).",
    IDENTITY_MISMATCH: "{name} a authentifié une autre personne que l'utilisateur connecté. Déconnectez-vous d'abord pour changer d'utilisateur.",
    CANCELLED: "Connexion avec {name} annulée.",
    PROVIDER_ERROR: "{name} n'a pas pu confirmer votre identité (service injoignable ou réponse refusée). Réessayez dans un instant.",
  },
} as const;

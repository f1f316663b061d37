// The session's end: the warning before it, the notice after. French, the reference.
export const sessionFr = {
  expiresInMinutes: "Votre session expire dans {minutes} min.",
  expiresInSeconds: "Votre session expire dans {seconds} s.",
  idleHint: "Sans activité, vous serez déconnecté ; ce que vous saisissez sera conservé.",
  absoluteHint: "Elle atteint sa durée maximale : reconnectez-vous, ce que vous saisissez sera conservé.",
  stay: "Rester connecté",
  expired: "Votre session a expiré. Reconnectez-vous : ce que vous avez saisi sera conservé.",
  signInAgain: "Se reconnecter",
  restored: "Votre saisie a été restaurée après la reconnexion. Vérifiez-la avant d'envoyer.",
} as const;

import "server-only";
import type { AccountLinkPurpose } from "@/lib/domain/accounts/account-links";
import type { Mailer, OutgoingMail } from "../../mail/mailer";
import type { IssuedLink } from "./issue-account-link";

// The recipient's language is not known before their first sign-in: French, then English.
function compose(purpose: Exclude<AccountLinkPurpose, "FIRST_ADMIN">, to: { email: string; displayName: string }, link: IssuedLink): OutgoingMail {
  const until = link.expiresAt.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  const fr =
    purpose === "ACTIVATION"
      ? `Bonjour ${to.displayName},\n\nUn compte de téléradiologie territoriale a été créé pour vous. Choisissez votre mot de passe avec ce lien, utilisable une seule fois, jusqu'au ${until} :\n\n${link.url}\n\nSi vous n'attendiez pas ce message, prévenez l'administrateur de votre établissement.`
      : `Bonjour ${to.displayName},\n\nUn administrateur a demandé la réinitialisation de votre mot de passe. Choisissez-en un nouveau avec ce lien, utilisable une seule fois, jusqu'au ${until} :\n\n${link.url}\n\nSi vous n'avez rien demandé, prévenez l'administrateur de votre établissement.`;
  const en =
    purpose === "ACTIVATION"
      ? `An account was created for you. Choose your password with the link above (one use, until ${until}).`
      : `An administrator asked for your password to be reset. Choose a new one with the link above (one use, until ${until}).`;
  const subject = purpose === "ACTIVATION" ? "Votre compte de téléradiologie / Your teleradiology account" : "Réinitialisation du mot de passe / Password reset";
  return { to: to.email, subject, text: `${fr}\n\n---\n${en}\n` };
}

/** E-mails the link when SMTP is configured; the administrator sees it either way. */
export async function mailAccountLink(mailer: Mailer, purpose: Exclude<AccountLinkPurpose, "FIRST_ADMIN">, to: { email: string; displayName: string }, link: IssuedLink): Promise<boolean> {
  const outcome = await mailer.send(compose(purpose, to, link));
  return outcome.sent;
}

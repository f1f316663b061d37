import type { Messages } from "../../types";

export const oidcEn: Messages["oidc"] = {
  button: "Sign in with {name}",
  or: "or with your e-mail address",
  back: "Back to the previous page",
  stepUp: {
    title: "Confirm your identity",
    explanation: "This act needs a recent authentication: {name} will ask you to authenticate again (CPS card or e-CPS), then bring you back here.",
    confirm: "Authenticate with {name}",
    unavailable: "No identity provider is configured on this service.",
  },
  refusals: {
    MISSING_RPPS: "{name} sent no RPPS number: this service is for professionals registered in the RPPS.",
    UNKNOWN_RPPS: "No account carries your RPPS number. Ask the administrator to add it to your account.",
    INACTIVE_ACCOUNT: "Your account is deactivated. Contact the administrator.",
    INSUFFICIENT_ACR: "Authentication not strong enough: {name} did not confirm the required level. Sign in again with a stronger means (for Pro Santé Connect: CPS card or e-CPS).",
    IDENTITY_MISMATCH: "{name} authenticated someone other than the signed-in user. Sign out first to change user.",
    CANCELLED: "Sign-in with {name} cancelled.",
    PROVIDER_ERROR: "{name} could not confirm your identity (service unreachable or answer refused). Try again in a moment.",
  },
};

// Stub: the oidc branch provides the real Pro Santé Connect step-up (re-authentication at the
// provider, back to `returnTo` with a fresh strongAt). Kept here so the signature dialog builds.
export function startOidcStepUp(returnTo: string): Promise<never> {
  void returnTo;
  return Promise.reject(new Error("Pro Santé Connect step-up is not configured"));
}

/** next-auth's id of the OpenID provider: its callback is /api/auth/callback/oidc, the URL registered at the provider. */
export const OIDC_PROVIDER_ID = "oidc";
export const OIDC_CALLBACK_PATH = `/api/auth/callback/${OIDC_PROVIDER_ID}`;

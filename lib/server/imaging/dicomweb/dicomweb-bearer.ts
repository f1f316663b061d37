import "server-only";
import { actorFromBearer, type BearerDeps } from "../../auth/bearer/actor-from-bearer";
import { oidcConfig } from "../../auth/oidc/oidc-config";
import type { BearerAuthenticator } from "./dicomweb-principal";

/**
 * Users' access tokens on DICOMweb, checked by the installation's OpenID provider
 * (lib/server/auth/bearer). Undefined without a provider: a bearer token is then a site
 * token or nothing, as before, and an unknown one answers 401 without asking anyone.
 */
export function dicomwebBearerAuthenticator(deps: Partial<BearerDeps> = {}): BearerAuthenticator | undefined {
  const config = deps.config === undefined ? oidcConfig() : deps.config;
  if (!config) return undefined;
  return (authorization, address) => actorFromBearer(authorization, { address, channel: "DICOMweb", realm: "dicomweb" }, { ...deps, config });
}

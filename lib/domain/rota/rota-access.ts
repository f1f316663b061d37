import { requestScope, type Actor, type SiteScope } from "../access";
import type { Role } from "../enums";

// Who does what with the rota and the territory's settings. The tRPC procedures check the
// role first; services check again with these (authorization twice).

export const ROTA_EDITORS = ["DEPARTMENT_HEAD", "ADMIN"] as const satisfies readonly Role[];
export const ROTA_READERS = ["RADIOLOGIST", "DEPARTMENT_HEAD", "ADMIN"] as const satisfies readonly Role[];
export const TARGET_EDITORS = ["DEPARTMENT_HEAD", "ADMIN"] as const satisfies readonly Role[];
export const SETTINGS_EDITORS = ["ADMIN"] as const satisfies readonly Role[];

const has = (roles: readonly Role[], actor: Actor) => roles.includes(actor.role);

export const canEditRota = (actor: Actor) => has(ROTA_EDITORS, actor);
export const canReadRota = (actor: Actor) => has(ROTA_READERS, actor);
export const canEditTargets = (actor: Actor) => has(TARGET_EDITORS, actor);
export const canEditSettings = (actor: Actor) => has(SETTINGS_EDITORS, actor);

/**
 * Sites whose "who is on call now" the actor may see: the sites whose requests they see, and
 * the whole territory for those who set the rota (the administrator sees no patient data, but
 * the rota carries none).
 */
export function onCallScope(actor: Actor): SiteScope {
  return canEditRota(actor) ? { kind: "all" } : requestScope(actor);
}

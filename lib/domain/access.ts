import type { Role } from "./enums";

// Who may see which requests. Pure rules; services turn a scope into query filters so that
// a record outside the scope answers exactly like a missing one.

export interface Actor {
  id: string;
  role: Role;
  displayName: string;
  /** The site a referrer or radiographer works at. */
  siteId: string | null;
  /** Sites a radiologist holds an unexpired reading privilege for. */
  readableSiteIds: readonly string[];
}

export type SiteScope = { kind: "all" } | { kind: "sites"; siteIds: readonly string[] };

export function requestScope(actor: Actor): SiteScope {
  switch (actor.role) {
    case "REFERRER":
    case "RADIOGRAPHER":
      return { kind: "sites", siteIds: actor.siteId ? [actor.siteId] : [] };
    case "RADIOLOGIST":
      return { kind: "sites", siteIds: actor.readableSiteIds };
    case "DEPARTMENT_HEAD":
      // The head watches the whole territory's activity (turnaround, backlog, escalations).
      return { kind: "all" };
    case "ADMIN":
      // Administrators manage sites and accounts; they take no part in care, so no patient data.
      return { kind: "sites", siteIds: [] };
    default: {
      const unreachable: never = actor.role;
      return unreachable;
    }
  }
}

export function canSeeSite(actor: Actor, siteId: string): boolean {
  const scope = requestScope(actor);
  return scope.kind === "all" || scope.siteIds.includes(siteId);
}

/** Only a referring physician of a site submits requests for it. */
export function canSubmit(actor: Actor): boolean {
  return actor.role === "REFERRER" && actor.siteId !== null;
}

/** Claiming needs a radiologist allowed to read for the request's site. */
export function canClaimFor(actor: Actor, siteId: string): boolean {
  return actor.role === "RADIOLOGIST" && actor.readableSiteIds.includes(siteId);
}

/** A worklist exists for whoever may see some requests. */
export function hasWorklist(actor: Actor): boolean {
  return actor.role !== "ADMIN";
}

/** The site whose staff the actor is (a referrer or radiographer bound to it), or null. */
export function staffSiteOf(actor: Actor): string | null {
  return actor.role === "REFERRER" || actor.role === "RADIOGRAPHER" ? actor.siteId : null;
}

/** The requesting site's staff send, link and complete its images. */
export function isSiteStaffOf(actor: Actor, siteId: string): boolean {
  return staffSiteOf(actor) === siteId;
}

import "server-only";
import { canSeeSite, type Actor } from "@/lib/domain/access";
import { canViewUnlinkedStudy, IMAGE_REFUSAL_MESSAGES, requestImageAccess, type ImageRefusal } from "@/lib/domain/image-access";
import type { Db } from "../../db/client";
import { dataVersion } from "../../realtime/data-version";
import { isPriorOfHeldRequest } from "../../services/patients/is-prior-of-held-request";
import { requestIdentitySelect } from "../../services/patients/patient-identity";
import { visibleStudiesWhere } from "./study-scope";

export type StudyViewAccess =
  | { kind: "viewable"; studyId: string; siteId: string }
  /** The actor sees the study (search, request page) but may not look at its images: 403. */
  | { kind: "forbidden"; reason: ImageRefusal; message: string }
  /** Missing, or outside the actor's scope: answered alike, so existence does not leak (404). */
  | { kind: "not-found" };

/**
 * May the actor retrieve this study's images (WADO-RS)? Linked to a request they may view
 * (lib/domain/image-access.ts), an earlier study of the patient of a request the radiologist
 * holds and is still reading (even at a site they do not read for: that is what priors are;
 * lib/domain/prior-access.ts), or an unlinked study of the radiographer's site.
 */
export async function studyViewAccess(db: Db, actor: Actor, studyUid: string): Promise<StudyViewAccess> {
  // Decided per actor and study rather than as the set of every request an actor may view:
  // that set grows with history (each request a radiologist ever signed stays theirs, each
  // signed request of a site stays open to its referrers), this decision costs the same on day
  // one and year five. A viewer asks for the same study hundreds of times a second, so the
  // answer is kept briefly, keyed by the data version (a claim, release or link invalidates it).
  const key = `${actorKey(actor)}|${studyUid}`;
  const cached = recent.get(key);
  if (cached && cached.version === dataVersion() && Date.now() - cached.at < CACHE_MS) return cached.access;
  const version = dataVersion();
  const access = await decide(db, actor, studyUid);
  if (recent.size >= CACHE_LIMIT) recent.clear();
  recent.set(key, { access, at: Date.now(), version });
  return access;
}

// Same lifetime as the DICOMweb session cache: a revoked privilege applies within two seconds.
const CACHE_MS = 2000;
const CACHE_LIMIT = 5000;
const recent = new Map<string, { access: StudyViewAccess; at: number; version: number }>();

/** Everything that decides access: a changed role, site or privilege never hits an old entry. */
export function actorKey(actor: Actor): string {
  return [actor.id, actor.role, actor.siteId ?? "", [...actor.readableSiteIds].sort().join(",")].join("|");
}

async function decide(db: Db, actor: Actor, studyUid: string): Promise<StudyViewAccess> {
  const study = await db.dicomStudy.findUnique({
    where: { studyInstanceUid: studyUid },
    select: {
      id: true,
      siteId: true,
      linkState: true,
      studyDate: true,
      request: { select: { id: true, siteId: true, holderId: true, status: true, submittedAt: true, ...requestIdentitySelect } },
    },
  });
  if (!study) return { kind: "not-found" };
  const viewable = { kind: "viewable", studyId: study.id, siteId: study.siteId } as const;
  let reason: ImageRefusal = "UNLINKED_STUDY";
  const request = study.linkState === "LINKED" ? study.request : null;
  if (request) {
    const access = requestImageAccess(actor, request);
    if (access.allowed && canSeeSite(actor, request.siteId)) return viewable;
    if (!access.allowed) reason = access.reason;
    if (await isPriorOfHeldRequest(db, actor, { request, studyDate: study.studyDate })) return viewable;
  }
  if (!request && canViewUnlinkedStudy(actor, study)) return viewable;
  const visible = await db.dicomStudy.count({ where: { AND: [{ id: study.id }, visibleStudiesWhere(actor)] } });
  return visible > 0 ? { kind: "forbidden", reason, message: `you may not view this study's images: ${IMAGE_REFUSAL_MESSAGES[reason]}` } : { kind: "not-found" };
}

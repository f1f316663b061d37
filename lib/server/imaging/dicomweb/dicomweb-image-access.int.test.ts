import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import { ctHeadSeries } from "@/lib/dicom/synthetic";
import { createSite, createUser } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { randomIns, requestWithImages, uniquePatient, type RequestWithImages } from "@/lib/testing/viewer-fixtures";
import { loadActor } from "../../auth/load-actor";
import { ingestInstance } from "../ingest/ingest-instance";
import { createDicomwebHandler } from "./dicomweb-handler";

// Retrieving images over DICOMweb follows who may view them (lib/domain/image-access.ts):
// 200 for the holder, including a prior at a site they do not read for; 403 with a reason for
// someone who sees the study but takes no part in reading it; 404 outside the scope, so that
// existence does not leak. Searching (QIDO-RS) keeps the wider "may see" scope.

const db = connectTestDb();
const deps = testImageDeps(db);
const secret = randomBytes(32).toString("base64url");
let server: Server;
let base = "";

type Who = "holder" | "colleague" | "otherSiteReader" | "referrer" | "referrerB" | "radiographer" | "head" | "formerReader";
const actors = {} as Record<Who, Actor>;
const cookies = {} as Record<Who, string>;
let current: RequestWithImages;
let prior: RequestWithImages;
const later = {} as Record<"siteA" | "siteB" | "madeAfterSending", RequestWithImages>;
const signed = {} as Record<"own" | "earlierA" | "earlierB" | "laterB", RequestWithImages>;
let unlinkedStudyUid = "";

beforeAll(async () => {
  const siteA = await createSite(db, "CH A");
  const siteB = await createSite(db, "CH B");
  const make = async (who: Who, role: Parameters<typeof createUser>[1]["role"], options: { siteId?: string; readsFor?: string[] } = {}) => {
    actors[who] = await actorOf(db, (await createUser(db, { role, ...options })).id);
    cookies[who] = `next-auth.session-token=${await encode({ token: { uid: actors[who].id }, secret })}`;
  };
  await make("holder", "RADIOLOGIST", { readsFor: [siteA.id] });
  await make("colleague", "RADIOLOGIST", { readsFor: [siteA.id] });
  await make("otherSiteReader", "RADIOLOGIST", { readsFor: [siteB.id] });
  await make("referrer", "REFERRER", { siteId: siteA.id });
  await make("referrerB", "REFERRER", { siteId: siteB.id });
  await make("radiographer", "RADIOGRAPHER", { siteId: siteA.id });
  await make("head", "DEPARTMENT_HEAD");
  await make("formerReader", "RADIOLOGIST", { readsFor: [siteA.id] });

  const patient = uniquePatient({ ins: randomIns() });
  current = await requestWithImages(deps, { referrer: actors.referrer, patient, studyDate: "20260110", holderId: actors.holder.id, status: "IN_READING" });
  // The same patient seen last year at site B, which the holder does not read for.
  prior = await requestWithImages(deps, { referrer: actors.referrerB, patient: { ...patient, ins: undefined }, studyDate: "20250110", status: "SIGNED" });
  // The same patient's studies after the held request: new episodes, not priors.
  later.siteA = await requestWithImages(deps, { referrer: actors.referrer, patient, studyDate: "20260302", status: "SUBMITTED" });
  later.siteB = await requestWithImages(deps, { referrer: actors.referrerB, patient, studyDate: "20260301", status: "SUBMITTED" });
  later.madeAfterSending = await requestWithImages(deps, { referrer: actors.referrerB, patient, studyDate: "20260115", submittedAt: new Date("2025-12-01T07:00:00Z"), status: "SIGNED" });
  // A patient whose 2023 request the former reader signed long ago, seen before and since.
  const other = uniquePatient({ ins: randomIns() });
  signed.earlierB = await requestWithImages(deps, { referrer: actors.referrerB, patient: other, studyDate: "20220301", status: "SIGNED" });
  signed.earlierA = await requestWithImages(deps, { referrer: actors.referrer, patient: other, studyDate: "20220601", status: "SIGNED" });
  signed.own = await requestWithImages(deps, { referrer: actors.referrer, patient: other, studyDate: "20230105", holderId: actors.formerReader.id, status: "SIGNED" });
  signed.laterB = await requestWithImages(deps, { referrer: actors.referrerB, patient: other, studyDate: "20260201", status: "IN_READING" });
  // A study of site A linked to no request (no accession number at the scanner).
  const [loose] = ctHeadSeries({ seed: `loose-${randomBytes(4).toString("hex")}`, patient: { familyName: "LOOSE", givenName: "STUDY", birthDate: "19700101", sex: "M", patientId: "IPP-LOOSE" }, slices: 1, size: 32 });
  await ingestInstance(deps, { channel: "STOW", siteId: siteA.id, senderLabel: "PACS test", actorId: null }, loose!.bytes);
  unlinkedStudyUid = loose!.studyInstanceUid;

  const handler = createDicomwebHandler({ deps, secret, resolveActor: (id) => loadActor(db, id), maxRequestBytes: 8 * 1024 * 1024 });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicomweb`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// A thumbnail is an image (as a browser's <img> asks); the rest as a DICOMweb viewer asks.
const acceptFor = (path: string) => (path.endsWith("/thumbnail") ? "image/*" : 'multipart/related; type="application/octet-stream"; transfer-syntax=*');
const get = (who: Who, path: string) => fetch(`${base}${path}`, { headers: { Cookie: cookies[who], Accept: acceptFor(path) } });
const status = async (who: Who, path: string) => {
  const response = await get(who, path);
  await response.arrayBuffer();
  return response.status;
};
const paths = (r: RequestWithImages) => {
  const series = `/studies/${r.studyInstanceUid}/series/${r.seriesInstanceUid}`;
  return { metadata: `/studies/${r.studyInstanceUid}/metadata`, frames: `${series}/instances/${r.sopInstanceUids[0]}/frames/1`, thumbnail: `${series}/thumbnail` };
};

describe("DICOMweb retrieval follows who may view the images", () => {
  it("serves the holder the request's study and the patient's prior at another site", async () => {
    for (const path of Object.values(paths(current))) expect(await status("holder", path)).toBe(200);
    for (const path of Object.values(paths(prior))) expect(await status("holder", path)).toBe(200);
    const metadata = (await (await get("holder", paths(prior).metadata)).json()) as unknown[];
    expect(metadata).toHaveLength(2);
  });

  it("answers 403 with the reason to someone who sees the study but may not view it, and still lets them search", async () => {
    const refused = await get("colleague", paths(current).metadata);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toContain("radiologist holding the request");
    expect(await status("colleague", paths(current).frames)).toBe(403);
    expect(await status("colleague", paths(current).thumbnail)).toBe(403);
    // Before signing, the requesting site's referrer stores and searches, but does not view.
    const early = await get("referrer", paths(current).metadata);
    expect(early.status).toBe(403);
    expect(((await early.json()) as { error: string }).error).toContain("report is signed");
    expect(await status("head", paths(current).frames)).toBe(403);
    // A reader of site B sees the prior (a request of their site) but does not hold it.
    expect(await status("otherSiteReader", paths(prior).metadata)).toBe(403);

    for (const who of ["colleague", "referrer", "head"] as const) {
      const search = await get(who, `/studies?StudyInstanceUID=${current.studyInstanceUid}`);
      expect(search.status).toBe(200);
      expect((await search.json()) as unknown[]).toHaveLength(1);
    }
  });

  it("answers 404 outside the scope, exactly as for a missing study", async () => {
    expect(await status("otherSiteReader", paths(current).metadata)).toBe(404);
    expect(await status("referrerB", paths(current).frames)).toBe(404);
    expect(await status("referrer", paths(prior).metadata)).toBe(404);
    expect(await status("holder", "/studies/1.2.3.4.5.6/metadata")).toBe(404);
    const search = await get("otherSiteReader", `/studies?StudyInstanceUID=${current.studyInstanceUid}`);
    expect((await search.json()) as unknown[]).toEqual([]);
  });

  it("does not serve a later study of the patient as a prior: 404 outside the reader's sites, 403 within", async () => {
    expect(await status("holder", paths(later.siteB).metadata)).toBe(404);
    expect(await status("holder", paths(later.siteB).frames)).toBe(404);
    expect(await status("holder", paths(later.madeAfterSending).metadata)).toBe(404);
    expect(await status("holder", paths(later.siteA).metadata)).toBe(403);
    // The earlier study stays a prior.
    expect(await status("holder", paths(prior).metadata)).toBe(200);
  });

  it("gives a radiologist holding a long-signed request of the patient its own images, and no priors", async () => {
    for (const path of Object.values(paths(signed.own))) expect(await status("formerReader", path)).toBe(200);
    for (const r of [signed.earlierB, signed.laterB]) {
      for (const path of Object.values(paths(r))) expect(await status("formerReader", path)).toBe(404);
    }
    const refused = await get("formerReader", paths(signed.earlierA).metadata);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toContain("radiologist holding the request");
  });

  it("answers QIDO includefield beyond the default attributes only for studies the actor may view", async () => {
    const search = async (who: Who, path: string) => {
      const response = await fetch(`${base}${path}`, { headers: { Cookie: cookies[who], Accept: "application/dicom+json" } });
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown>[];
    };
    const queries = [`/studies/${current.studyInstanceUid}/instances?includefield=all`, `/instances?StudyInstanceUID=${current.studyInstanceUid}&includefield=00280030,00180050`];
    for (const query of queries) {
      const held = await search("holder", query);
      expect(held).toHaveLength(2);
      for (const instance of held) {
        expect(instance).toHaveProperty("00280030");
        expect(instance).toHaveProperty("00180050");
      }
      // They see the study (search, linking) but do not view its images: the default attributes only.
      for (const who of ["colleague", "referrer", "head"] as const) {
        const results = await search(who, query);
        expect(results).toHaveLength(2);
        for (const instance of results) {
          expect(instance).toHaveProperty("00080018");
          expect(instance).toHaveProperty("00280010");
          expect(instance).not.toHaveProperty("00280030");
          expect(instance).not.toHaveProperty("00180050");
          // Header-only attributes stay out; the study attributes that All Instances returns
          // (PS3.18 10.6.3.3.3) are those the actor's study search already answers.
          expect(instance).not.toHaveProperty("00080070");
        }
      }
    }
  });

  it("opens the site's unlinked studies to its radiographers only", async () => {
    expect(await status("radiographer", `/studies/${unlinkedStudyUid}/metadata`)).toBe(200);
    expect(await status("radiographer", paths(current).frames)).toBe(200);
    expect(await status("referrer", `/studies/${unlinkedStudyUid}/metadata`)).toBe(403);
    expect(await status("holder", `/studies/${unlinkedStudyUid}/metadata`)).toBe(404);
  });
});

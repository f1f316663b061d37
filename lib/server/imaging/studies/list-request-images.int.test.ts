import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access";
import { createSite, createUser } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { requestWithImages, uniquePatient, type RequestWithImages } from "@/lib/testing/viewer-fixtures";
import { listRequestImages } from "./list-request-images";

// The request page shows thumbnails and the viewer link only to who may view the images:
// a thumbnail they may not load would be a broken image, a link an error page.

const db = connectTestDb();
const deps = testImageDeps(db);
const people = {} as Record<"holder" | "colleague" | "referrer" | "radiographer" | "head", Actor>;
let request: RequestWithImages;

beforeAll(async () => {
  const site = await createSite(db);
  const user = async (role: Parameters<typeof createUser>[1]["role"], options: { siteId?: string; readsFor?: string[] }) => actorOf(db, (await createUser(db, { role, ...options })).id);
  people.holder = await user("RADIOLOGIST", { readsFor: [site.id] });
  people.colleague = await user("RADIOLOGIST", { readsFor: [site.id] });
  people.referrer = await user("REFERRER", { siteId: site.id });
  people.radiographer = await user("RADIOGRAPHER", { siteId: site.id });
  people.head = await user("DEPARTMENT_HEAD", {});
  request = await requestWithImages(deps, { referrer: people.referrer, patient: uniquePatient(), studyDate: "20260110", holderId: people.holder.id, status: "IN_READING" });
});

const viewOf = async (actor: Actor) => {
  const images = await listRequestImages({ db, actor, requestId: request.requestId });
  return { canView: images.canView, studies: images.studies.map((s) => s.viewable), canManage: images.canManage };
};

describe("what the request page may show of the images", () => {
  it("lets the holder and the radiographer view, the others see the list only", async () => {
    expect(await viewOf(people.holder)).toEqual({ canView: true, studies: [true], canManage: false });
    expect(await viewOf(people.radiographer)).toEqual({ canView: true, studies: [true], canManage: true });
    expect(await viewOf(people.colleague)).toEqual({ canView: false, studies: [false], canManage: false });
    expect(await viewOf(people.head)).toEqual({ canView: false, studies: [false], canManage: false });
    expect(await viewOf(people.referrer)).toEqual({ canView: false, studies: [false], canManage: true });
  });

  it("leaves an audit row for each reading of the list, which names the patients as the images do", async () => {
    const before = await db.auditLog.count({ where: { action: "REQUEST_IMAGES_LISTED", actorId: people.colleague.id, entityId: request.requestId } });
    await viewOf(people.colleague);
    expect(await db.auditLog.count({ where: { action: "REQUEST_IMAGES_LISTED", actorId: people.colleague.id, entityId: request.requestId } })).toBe(before + 1);
  });

  it("opens the images to the referrer once the report is signed", async () => {
    await db.readingRequest.update({ where: { id: request.requestId }, data: { status: "SIGNED" } });
    expect(await viewOf(people.referrer)).toMatchObject({ canView: true, studies: [true] });
  });
});

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSite, createUser } from "@/prisma/factories";
import { connectTestDb } from "@/lib/testing/test-db";
import { createActorBatchLoader } from "./actor-batch-loader";

const db = connectTestDb();

describe("batched actor loading", () => {
  it("gives each concurrent request its own actor, and nobody for unknown or deactivated users", async () => {
    const site = await createSite(db);
    const referrer = await createUser(db, { role: "REFERRER", siteId: site.id });
    const radiologist = await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] });
    const deactivated = await createUser(db, { role: "RADIOLOGIST", readsFor: [site.id] });
    await db.user.update({ where: { id: deactivated.id }, data: { active: false } });
    const load = createActorBatchLoader(db);

    const [a, b, c, d, e] = await Promise.all([
      load(referrer.id),
      load(radiologist.id),
      load(randomUUID()),
      load(deactivated.id),
      load(radiologist.id),
    ]);
    expect(a).toMatchObject({ id: referrer.id, role: "REFERRER", siteId: site.id, readableSiteIds: [] });
    expect(b).toMatchObject({ id: radiologist.id, role: "RADIOLOGIST", readableSiteIds: [site.id] });
    expect(c).toBeNull();
    expect(d).toBeNull();
    expect(e).toEqual(b);
  });
});

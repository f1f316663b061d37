// Inserts the demo's past activity (demo-history-spec.ts) relative to the seeding day.
import type { PrismaClient } from "../lib/generated/prisma/client";
import { addDays, instantToWallClock, wallClockToInstant } from "../lib/domain/rota/wall-clock";
import { DEMO_HISTORY } from "./demo-history-spec";
import { DEMO_USERS } from "./demo-territory";
import { insertTimeline } from "./insert-timeline";

export async function seedDemoHistory(db: PrismaClient, now = new Date()): Promise<number> {
  const today = instantToWallClock(now).date;
  const [sites, users] = await Promise.all([
    db.site.findMany({ select: { id: true, code: true } }),
    db.user.findMany({ where: { email: { in: DEMO_USERS.map((user) => user.email) } }, select: { id: true, email: true, role: true, siteId: true } }),
  ]);
  const siteId = new Map(sites.map((site) => [site.code, site.id]));
  const userId = new Map(users.map((user) => [user.email, user.id]));
  let written = 0;
  for (const timeline of DEMO_HISTORY) {
    const site = siteId.get(timeline.siteCode);
    const requester = users.find((user) => user.role === "REFERRER" && user.siteId === site);
    // At sites without a radiographer account the requesting physician informed the patient.
    const informer = users.find((user) => user.role === "RADIOGRAPHER" && user.siteId === site) ?? requester;
    const reader = userId.get(timeline.reader);
    if (!site || !requester || !reader) continue;
    const submittedAt = wallClockToInstant(`${addDays(today, -timeline.daysAgo)}T${timeline.time}`);
    await insertTimeline(db, { siteId: site, requesterId: requester.id, readerId: reader, informerId: informer?.id, submittedAt, timeline });
    written += 1;
  }
  return written;
}

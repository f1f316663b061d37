import { describe, expect, it } from "vitest";
import { unreachableSteps } from "@/lib/domain/request-timeline-replay";
import { connectFreshTestDb } from "@/lib/testing/test-db";
import { testImageDeps } from "@/lib/testing/test-images";
import { seedDemoHistory } from "@/prisma/seed-demo-history";
import { seedDemoImages } from "@/prisma/seed-demo-images";
import { seedDemoTerritory } from "@/prisma/seed-demo";
import { verifyReportFingerprints } from "../services/reports/verify-report-fingerprints";

// The demo's requests (those with images, and the past ones) are partly written directly, not
// through the services: every one must still be a state the product can reach (replayed through
// the state machine and its rules), and every signed report must pass `npm run reports:verify`.

const fresh = connectFreshTestDb("demo_history");
// The archive and parse workers live for the whole file; the database is given at seeding time.
const images = testImageDeps(null as never);

describe("the demo history", () => {
  it("holds only requests the product could have produced", { timeout: 120_000 }, async () => {
    const db = fresh.current();
    await seedDemoTerritory(db);
    await seedDemoImages(db, { ...images, db }, () => undefined);
    const history = await seedDemoHistory(db, new Date("2026-03-01T11:00:00Z"));
    expect(history).toBeGreaterThan(15);
    const written = history + 3;

    const requests = await db.readingRequest.findMany({
      select: {
        id: true,
        type: true,
        status: true,
        site: { select: { code: true, patientInformationPolicy: true } },
        events: { select: { type: true, fromStatus: true, toStatus: true, at: true }, orderBy: [{ at: "asc" }, { id: "asc" }] },
        reports: { where: { sequence: 0 }, select: { signedAt: true, delivery: { select: { acknowledgedAt: true } } } },
      },
    });
    expect(requests).toHaveLength(written);
    const problems = Object.fromEntries(
      requests
        .map((request) => {
          const original = request.reports[0];
          const found = unreachableSteps({
            type: request.type,
            status: request.status,
            policy: request.site.patientInformationPolicy,
            events: request.events,
            report: original ? { signedAt: original.signedAt, acknowledgedAt: original.delivery?.acknowledgedAt ?? null } : null,
          });
          return [`${request.site.code} ${request.type} ${request.status} ${request.id}`, found] as const;
        })
        .filter(([, found]) => found.length > 0),
    );
    expect(problems).toEqual({});
    // The referrers did read signed reports: the demo shows some acknowledged.
    expect(requests.filter((request) => request.status === "ACKNOWLEDGED").length).toBeGreaterThan(5);

    const verification = await verifyReportFingerprints(db);
    expect(verification.mismatches).toEqual([]);
    expect(verification.checked).toBeGreaterThan(10);
  });
});

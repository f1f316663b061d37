import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withInsKey } from "@/lib/domain/ins-key";
import { createSite, createUser, teleDiagnosticRequest } from "@/prisma/factories";
import { actorOf, connectTestDb } from "@/lib/testing/test-db";
import { submitRequest } from "../requests/submit-request";
import { searchPatients } from "./search-patients";

const db = connectTestDb();

/** Two sites with a referrer each, and at site B a patient with an accented name. */
async function territory() {
  const [a, b] = await Promise.all([createSite(db), createSite(db)]);
  const referrerA = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: a.id })).id);
  const referrerB = await actorOf(db, (await createUser(db, { role: "REFERRER", siteId: b.id })).id);
  // Unique per run: the shared test database holds other files' patients.
  const family = `Brûlé${randomUUID().slice(0, 8).replace(/\d/g, "x")}`;
  const ipp = `IPP-${randomUUID().slice(0, 12)}`;
  // A valid key: the request form refuses an INS whose key does not match its 13 digits.
  const ins = withInsKey(`2${String(Date.now()).slice(-12)}`);
  const input = teleDiagnosticRequest({
    patient: { familyName: family, givenName: "Hélène", birthDate: "1961-05-04", sex: "FEMALE", sitePatientId: ipp, ins },
  });
  const { requestId } = await submitRequest({ db, actor: referrerB, input });
  const { accessionNumber } = await db.readingRequest.findUniqueOrThrow({ where: { id: requestId }, select: { accessionNumber: true } });
  return { a, b, referrerA, referrerB, requestId, family, ipp, ins, accessionNumber };
}

const ids = (answer: { results: { id: string }[] }) => answer.results.map((r) => r.id);

describe("patient search", () => {
  it("finds a name without its accents or case, in any word order, and by exact IPP, INS or accession number", async () => {
    const { referrerB, requestId, family, ipp, ins, accessionNumber } = await territory();
    const plainFamily = family.replace("û", "u").replace("é", "e").toLowerCase();
    for (const query of [`helene ${plainFamily}`, `${plainFamily} HELENE`, family, ipp.toLowerCase(), ins, accessionNumber.toLowerCase()]) {
      expect(ids(await searchPatients({ db, actor: referrerB, query })), query).toEqual([requestId]);
    }
    const [row] = (await searchPatients({ db, actor: referrerB, query: ipp })).results;
    expect(row).toMatchObject({ patient: { familyName: family, givenName: "Hélène", birthDate: "1961-05-04" }, sitePatientId: ipp, accessionNumber });
    // Identifiers match whole: part of an IPP finds nobody.
    expect(ids(await searchPatients({ db, actor: referrerB, query: ipp.slice(0, -2) }))).toEqual([]);
    // ... nor does a pattern: "%" and "_" are characters of the query, never wildcards.
    for (const pattern of [`${ipp.slice(0, -2)}%`, `${ipp.slice(0, -1)}_`]) {
      expect(ids(await searchPatients({ db, actor: referrerB, query: pattern })), pattern).toEqual([]);
    }
  });

  it("never shows another site's patient to a referrer, nor a site a radiologist has no privilege for", async () => {
    const { a, b, referrerA, requestId, family, ipp } = await territory();
    expect(ids(await searchPatients({ db, actor: referrerA, query: family }))).toEqual([]);
    expect(ids(await searchPatients({ db, actor: referrerA, query: ipp }))).toEqual([]);

    const readerOfA = await actorOf(db, (await createUser(db, { role: "RADIOLOGIST", readsFor: [a.id] })).id);
    expect(ids(await searchPatients({ db, actor: readerOfA, query: family }))).toEqual([]);
    const expired = await createUser(db, { role: "RADIOLOGIST" });
    await db.readingPrivilege.create({ data: { userId: expired.id, siteId: b.id, expiresAt: new Date(Date.now() - 60_000) } });
    expect(ids(await searchPatients({ db, actor: await actorOf(db, expired.id), query: family }))).toEqual([]);

    const readerOfB = await actorOf(db, (await createUser(db, { role: "RADIOLOGIST", readsFor: [b.id] })).id);
    expect(ids(await searchPatients({ db, actor: readerOfB, query: family }))).toEqual([requestId]);
  });

  it("writes an audit row of who searched what and how many were found, also when nothing was", async () => {
    const { referrerA, referrerB, requestId, family } = await territory();
    await searchPatients({ db, actor: referrerB, query: family });
    await searchPatients({ db, actor: referrerA, query: family });
    const rows = await db.auditLog.findMany({
      where: { action: "PATIENTS_SEARCHED", actorId: { in: [referrerA.id, referrerB.id] } },
      select: { actorId: true, detail: true },
    });
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.actorId === referrerB.id)?.detail).toMatchObject({ query: family, count: 1, truncated: false, requestIds: [requestId] });
    expect(rows.find((r) => r.actorId === referrerA.id)?.detail).toMatchObject({ query: family, count: 0, requestIds: [] });
  });

  it("refuses an administrator, who takes no part in care", async () => {
    const admin = await actorOf(db, (await createUser(db, { role: "ADMIN" })).id);
    await expect(searchPatients({ db, actor: admin, query: "helene" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

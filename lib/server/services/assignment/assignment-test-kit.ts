// Builders for the assignment integration tests (not a test file itself): a site with its
// rota, and requests inserted in bulk. Each call makes its own uniquely named records.
import { randomUUID } from "node:crypto";
import type { Priority, ShiftRole, Subspecialty } from "@/lib/domain/enums";
import { createShift, createSite, createUser } from "@/prisma/factories";
import type { Db } from "../../db/client";

export const HOUR = 3_600_000;
export const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

export async function siteWithReferrer(db: Db, options: { autoAssign?: boolean } = {}) {
  const site = await createSite(db);
  if (options.autoAssign) await db.site.update({ where: { id: site.id }, data: { autoAssign: true } });
  const referrer = await createUser(db, { role: "REFERRER", siteId: site.id });
  return { site, referrer };
}

/** A radiologist with a privilege for each site (optionally expiring). */
export async function radiologist(db: Db, siteIds: string[], options: { name?: string; expiresAt?: Date | null } = {}) {
  const user = await createUser(db, { role: "RADIOLOGIST", ...(options.name ? { displayName: options.name } : {}) });
  if (siteIds.length > 0) {
    await db.readingPrivilege.createMany({ data: siteIds.map((siteId) => ({ userId: user.id, siteId, expiresAt: options.expiresAt ?? null })) });
  }
  return user;
}

export async function shift(
  db: Db,
  options: { radiologistId: string; siteIds: string[]; startsAt: Date; endsAt: Date; role?: ShiftRole; subspecialties?: Subspecialty[] },
) {
  return { ...(await createShift(db, options)), endsAt: options.endsAt };
}

/** Requests inserted directly (no jobs, no notifications): `count` of them, optionally held. */
export async function insertRequests(
  db: Db,
  options: {
    siteId: string;
    requesterId: string;
    count?: number;
    priority?: Priority;
    requiredSubspecialty?: Subspecialty | null;
    holderId?: string;
    claimedAt?: Date;
    submittedAt?: Date;
  },
): Promise<string[]> {
  const ids = Array.from({ length: options.count ?? 1 }, () => randomUUID());
  await db.readingRequest.createMany({
    data: ids.map((id) => ({
      id,
      siteId: options.siteId,
      requesterId: options.requesterId,
      idempotencyKey: id,
      payloadHash: "0".repeat(64),
      type: "TELEDIAGNOSTIC" as const,
      priority: options.priority ?? "ROUTINE",
      patientFamilyName: "Patient",
      patientGivenName: "Test",
      patientBirthDate: new Date("1950-01-01"),
      patientSex: "FEMALE" as const,
      sitePatientId: id.slice(0, 12),
      modality: "CT" as const,
      bodyRegion: "Encéphale",
      clinicalContext: "Contexte",
      clinicalQuestion: "Question",
      requiredSubspecialty: options.requiredSubspecialty ?? null,
      ...(options.submittedAt ? { submittedAt: options.submittedAt } : {}),
      ...(options.holderId
        ? { holderId: options.holderId, claimedAt: options.claimedAt ?? new Date(), holdKind: "CLAIMED" as const, holdAcknowledgedAt: options.claimedAt ?? new Date() }
        : {}),
    })),
  });
  return ids;
}

export async function departmentHead(db: Db) {
  return createUser(db, { role: "DEPARTMENT_HEAD" });
}

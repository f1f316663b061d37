// Test data builders shared by integration tests, e2e and benchmarks. Each call makes its
// own uniquely named records, so tests never depend on each other's data.
import { randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient, Role } from "../lib/generated/prisma/client";
import { submitRequestSchema, type SubmitRequest, type SubmitRequestInput } from "../lib/domain/submit-request-schema";
import { hashPassword } from "../lib/server/auth/password";

export const FACTORY_PASSWORD = "factory-password";
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString("hex").toUpperCase();

export async function createSite(db: PrismaClient, name = "Site de test"): Promise<{ id: string; code: string; name: string }> {
  const code = `T${unique()}`.slice(0, 16);
  return db.site.create({ data: { code, name: `${name} ${code}` }, select: { id: true, code: true, name: true } });
}

export async function createUser(
  db: PrismaClient,
  options: { role: Role; siteId?: string | null; readsFor?: string[]; displayName?: string },
): Promise<{ id: string; email: string; displayName: string }> {
  passwordHash ??= hashPassword(FACTORY_PASSWORD);
  const tag = unique().toLowerCase();
  const user = await db.user.create({
    data: {
      email: `${options.role.toLowerCase()}.${tag}@test.teleradio.fr`,
      displayName: options.displayName ?? `Dr ${options.role} ${tag}`,
      role: options.role,
      siteId: options.siteId ?? null,
      passwordHash: await passwordHash,
    },
    select: { id: true, email: true, displayName: true },
  });
  if (options.readsFor?.length) {
    await db.readingPrivilege.createMany({ data: options.readsFor.map((siteId) => ({ userId: user.id, siteId })) });
  }
  return user;
}

/** A valid télédiagnostic submission; override any part. */
export function teleDiagnosticInput(overrides: Partial<SubmitRequestInput> = {}): SubmitRequestInput {
  return {
    idempotencyKey: randomUUID(),
    type: "TELEDIAGNOSTIC",
    priority: "URGENT",
    patient: {
      familyName: `Patient${unique()}`,
      givenName: "Louise",
      birthDate: "1950-03-02",
      sex: "FEMALE",
      sitePatientId: `IPP${unique()}`,
    },
    modality: "CT",
    bodyRegion: "Encéphale",
    clinicalContext: "Déficit moteur gauche brutal depuis 40 minutes.",
    clinicalQuestion: "AVC ischémique ? Hémorragie ?",
    contrast: { renalFunction: "NORMAL", contrastAllergy: "NO", pregnancy: "NOT_APPLICABLE", metformin: "NO" },
    ...overrides,
  } as SubmitRequestInput;
}

/** The same, parsed as the tRPC procedure would hand it to the service. */
export function teleDiagnosticRequest(overrides: Partial<SubmitRequestInput> = {}): SubmitRequest {
  return submitRequestSchema.parse(teleDiagnosticInput(overrides));
}

/** A shift of the rota covering `siteIds` (no end-of-shift job: tests that need one use the service). */
export async function createShift(
  db: PrismaClient,
  options: { radiologistId: string; siteIds: string[]; startsAt: Date; endsAt: Date; role?: "PRIMARY" | "BACKUP"; subspecialties?: ("NEURO" | "MSK" | "PAEDIATRIC" | "CHEST" | "ABDOMINAL" | "VASCULAR")[] },
): Promise<{ id: string }> {
  return db.shift.create({
    data: {
      radiologistId: options.radiologistId,
      startsAt: options.startsAt,
      endsAt: options.endsAt,
      role: options.role ?? "PRIMARY",
      subspecialties: options.subspecialties ?? [],
      sites: { createMany: { data: options.siteIds.map((siteId) => ({ siteId })) } },
    },
    select: { id: true },
  });
}

/** A uniquely named group of sites (the sites join it). */
export async function createSiteGroup(db: PrismaClient, siteIds: string[] = [], name = "Groupe de test"): Promise<{ id: string; name: string }> {
  const group = await db.siteGroup.create({ data: { name: `${name} ${unique()}` }, select: { id: true, name: true } });
  if (siteIds.length) await db.site.updateMany({ where: { id: { in: siteIds } }, data: { groupId: group.id } });
  return group;
}

/** An item of a site's protocol catalogue. */
export async function createProtocolItem(
  db: PrismaClient,
  siteId: string,
  options: { code?: string; label?: string; modality?: "CT" | "MR" | "CR" | "DX" | "US"; contrast?: boolean; active?: boolean } = {},
): Promise<{ id: string; code: string }> {
  return db.protocolCatalogueItem.create({
    data: {
      siteId,
      code: options.code ?? `P${unique()}`,
      label: options.label ?? "TDM cérébrale sans injection",
      modality: options.modality ?? "CT",
      contrast: options.contrast ?? false,
      active: options.active ?? true,
    },
    select: { id: true, code: true },
  });
}

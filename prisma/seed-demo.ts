import { LOOPBACK_NETWORKS } from "../lib/domain/network/address-allow-list";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { hashPassword } from "../lib/server/auth/password";
import { hashSenderToken } from "../lib/server/imaging/dicomweb/dicomweb-principal";
import { DEMO_SENDERS } from "./demo-senders";
import { addDays, addWallClockMinutes, instantToWallClock, wallClockToInstant } from "../lib/domain/rota/wall-clock";
import type { JobPayloads } from "../lib/server/jobs/job-kinds";
import {
  DEMO_PASSWORD,
  DEMO_PROTOCOLS,
  DEMO_ROTA_DAYS,
  DEMO_ROTA_PATTERN,
  DEMO_SITE_GROUPS,
  DEMO_SITES,
  DEMO_USERS,
  type DemoShift,
} from "./demo-territory";

type DemoSubspecialties = DemoShift["subspecialties"];

/** Idempotent: upserts the demo sites, users and reading privileges. */
export async function seedDemoTerritory(db: PrismaClient): Promise<void> {
  const siteIds = new Map<string, string>();
  for (const site of DEMO_SITES) {
    const saved = await db.site.upsert({
      where: { code: site.code },
      create: site,
      update: { name: site.name, kind: site.kind },
      select: { id: true },
    });
    siteIds.set(site.code, saved.id);
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const siteId = user.siteCode ? (siteIds.get(user.siteCode) ?? null) : null;
    const saved = await db.user.upsert({
      where: { email: user.email },
      create: { email: user.email, displayName: user.displayName, role: user.role, siteId, passwordHash, rpps: user.rpps ?? null },
      update: { displayName: user.displayName, role: user.role, siteId, rpps: user.rpps ?? null },
      select: { id: true },
    });
    userIds.set(user.email, saved.id);
    for (const code of user.readsFor ?? []) {
      const readSiteId = siteIds.get(code);
      if (!readSiteId) continue;
      await db.readingPrivilege.upsert({
        where: { userId_siteId: { userId: saved.id, siteId: readSiteId } },
        create: { userId: saved.id, siteId: readSiteId },
        update: {},
      });
    }
  }

  // The demo's senders run on the same machine (the DICOM port listens on loopback by default).
  for (const sender of DEMO_SENDERS) {
    const siteId = siteIds.get(sender.siteCode);
    if (!siteId) continue;
    await db.dicomSender.upsert({
      where: { aeTitle: sender.aeTitle },
      create: { siteId, kind: "AE_TITLE", label: sender.label, aeTitle: sender.aeTitle, allowedNetworks: [...LOOPBACK_NETWORKS] },
      update: {},
    });
    const tokenHash = hashSenderToken(sender.stowToken);
    await db.dicomSender.upsert({
      where: { tokenHash },
      create: { siteId, kind: "STOW_TOKEN", label: sender.label, tokenHash, allowedNetworks: [...LOOPBACK_NETWORKS] },
      update: {},
    });
  }

  await seedDemoGroupsAndCatalogues(db, siteIds);
  await seedDemoRota(db, siteIds, userIds);
}

async function seedDemoGroupsAndCatalogues(db: PrismaClient, siteIds: Map<string, string>): Promise<void> {
  for (const group of DEMO_SITE_GROUPS) {
    const saved = await db.siteGroup.upsert({ where: { name: group.name }, create: { name: group.name }, update: {}, select: { id: true } });
    const ids = group.siteCodes.map((code) => siteIds.get(code)).filter((id): id is string => id !== undefined);
    await db.site.updateMany({ where: { id: { in: ids }, groupId: null }, data: { groupId: saved.id } });
  }
  const hospitals = DEMO_SITES.filter((site) => site.kind === "HOSPITAL").map((site) => siteIds.get(site.code)).filter((id): id is string => id !== undefined);
  await db.protocolCatalogueItem.createMany({
    data: hospitals.flatMap((siteId) => DEMO_PROTOCOLS.map((protocol) => ({ siteId, ...protocol }))),
    skipDuplicates: true,
  });
}

/**
 * The demo radiologists on call from now for DEMO_ROTA_DAYS days, with their end-of-shift
 * jobs (the same rows the rota service schedules). Skipped while demo shifts lie ahead, so
 * seeding again adds nothing.
 */
async function seedDemoRota(db: PrismaClient, siteIds: Map<string, string>, userIds: Map<string, string>): Promise<void> {
  const now = new Date();
  const radiologists = [...new Set(DEMO_ROTA_PATTERN.flat().map((shift) => userIds.get(shift.email)))].filter((id): id is string => id !== undefined);
  if (await db.shift.count({ where: { radiologistId: { in: radiologists }, endsAt: { gt: now } } })) return;
  const clock = instantToWallClock(now);
  // Shifts change at 08:00: before that, yesterday's shift is still running.
  const firstDay = clock.minutesOfDay < 8 * 60 ? addDays(clock.date, -1) : clock.date;
  const shifts: { id: string; radiologistId: string; startsAt: Date; endsAt: Date; role: "PRIMARY" | "BACKUP"; subspecialties: DemoSubspecialties; siteIds: string[] }[] = [];
  for (let day = 0; day < DEMO_ROTA_DAYS; day++) {
    const start = `${addDays(firstDay, day)}T08:00`;
    for (const entry of DEMO_ROTA_PATTERN[day % DEMO_ROTA_PATTERN.length] ?? []) {
      const radiologistId = userIds.get(entry.email);
      if (!radiologistId) continue;
      shifts.push({
        id: randomUUID(),
        radiologistId,
        startsAt: wallClockToInstant(start),
        endsAt: wallClockToInstant(addWallClockMinutes(start, 24 * 60)),
        role: entry.role,
        subspecialties: entry.subspecialties,
        siteIds: entry.siteCodes.map((code) => siteIds.get(code)).filter((id): id is string => id !== undefined),
      });
    }
  }
  await db.$transaction([
    db.shift.createMany({ data: shifts.map(({ siteIds: _sites, ...shift }) => shift) }),
    db.shiftSite.createMany({ data: shifts.flatMap((shift) => shift.siteIds.map((siteId) => ({ shiftId: shift.id, siteId }))) }),
    db.job.createMany({
      data: shifts.map((shift) => ({
        kind: "shift.ended",
        payload: { shiftId: shift.id, endsAt: shift.endsAt.toISOString() } satisfies JobPayloads["shift.ended"],
        runAt: shift.endsAt,
        dedupeKey: `shift.ended:${shift.id}:${shift.endsAt.toISOString()}`,
      })),
      skipDuplicates: true,
    }),
  ]);
}

export async function isEmptyDatabase(db: PrismaClient): Promise<boolean> {
  return (await db.site.count()) === 0;
}

export function demoAccountsText(): string {
  const lines = DEMO_USERS.map((user) => `  ${user.role.padEnd(16)} ${user.email.padEnd(36)} ${user.displayName}${user.rpps ? ` (RPPS ${user.rpps})` : ""}`);
  const senders = DEMO_SENDERS.map((sender) => `  ${sender.siteCode.padEnd(5)} C-STORE calling AE ${sender.aeTitle.padEnd(10)} STOW-RS token ${sender.stowToken}`);
  return [`Demo accounts (password for all: ${DEMO_PASSWORD}):`, ...lines, "Demo image senders:", ...senders].join("\n");
}

import type { PrismaClient } from "../lib/generated/prisma/client";
import { hashPassword } from "../lib/server/auth/password";
import { hashSenderToken } from "../lib/server/dicomweb/dicomweb-principal";
import { DEMO_SENDERS } from "./demo-senders";
import { DEMO_PASSWORD, DEMO_SITES, DEMO_USERS } from "./demo-territory";

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
  for (const user of DEMO_USERS) {
    const siteId = user.siteCode ? (siteIds.get(user.siteCode) ?? null) : null;
    const saved = await db.user.upsert({
      where: { email: user.email },
      create: { email: user.email, displayName: user.displayName, role: user.role, siteId, passwordHash },
      update: { displayName: user.displayName, role: user.role, siteId },
      select: { id: true },
    });
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

  for (const sender of DEMO_SENDERS) {
    const siteId = siteIds.get(sender.siteCode);
    if (!siteId) continue;
    await db.dicomSender.upsert({
      where: { aeTitle: sender.aeTitle },
      create: { siteId, kind: "AE_TITLE", label: sender.label, aeTitle: sender.aeTitle },
      update: {},
    });
    const tokenHash = hashSenderToken(sender.stowToken);
    await db.dicomSender.upsert({
      where: { tokenHash },
      create: { siteId, kind: "STOW_TOKEN", label: sender.label, tokenHash },
      update: {},
    });
  }
}

export async function isEmptyDatabase(db: PrismaClient): Promise<boolean> {
  return (await db.site.count()) === 0;
}

export function demoAccountsText(): string {
  const lines = DEMO_USERS.map((user) => `  ${user.role.padEnd(16)} ${user.email.padEnd(36)} ${user.displayName}`);
  const senders = DEMO_SENDERS.map((sender) => `  ${sender.siteCode.padEnd(5)} C-STORE calling AE ${sender.aeTitle.padEnd(10)} STOW-RS token ${sender.stowToken}`);
  return [`Demo accounts (password for all: ${DEMO_PASSWORD}):`, ...lines, "Demo image senders:", ...senders].join("\n");
}

import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import type { Db } from "../../db/client";

export interface PrivilegesDto {
  radiologists: {
    id: string;
    displayName: string;
    privileges: { siteId: string; expiresAt: Date | null; expired: boolean }[];
  }[];
  sites: { id: string; code: string; name: string }[];
}

/** The inter-hospital agreement: which radiologist may read for which site, until when. */
export async function listPrivileges(args: { db: Db; actor: Actor; now?: Date }): Promise<PrivilegesDto> {
  const { db, actor } = args;
  const now = args.now ?? new Date();
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages reading privileges");
  const [radiologists, sites] = await Promise.all([
    db.user.findMany({
      where: { role: "RADIOLOGIST", active: true },
      select: { id: true, displayName: true, privileges: { select: { siteId: true, expiresAt: true } } },
      orderBy: { displayName: "asc" },
    }),
    db.site.findMany({ where: { kind: "HOSPITAL" }, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } }),
  ]);
  return {
    radiologists: radiologists.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      privileges: r.privileges.map((p) => ({ siteId: p.siteId, expiresAt: p.expiresAt, expired: p.expiresAt !== null && p.expiresAt <= now })),
    })),
    sites,
  };
}

import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { PatientInformationPolicy } from "@/lib/domain/enums";
import { AppError } from "@/lib/domain/errors";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import type { Db } from "../../db/client";

export interface SiteSettingsDto {
  sites: {
    id: string;
    code: string;
    name: string;
    autoAssign: boolean;
    patientInformationPolicy: PatientInformationPolicy;
    groupId: string | null;
    /** Minutes a vital critical finding may wait for acknowledgement before it escalates. */
    criticalAckMinutes: number;
  }[];
  groups: { id: string; name: string }[];
}

export async function listSiteSettings(args: { db: Db; actor: Actor }): Promise<SiteSettingsDto> {
  const { db, actor } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages site settings");
  const [sites, groups] = await Promise.all([
    db.site.findMany({
      where: { kind: "HOSPITAL" },
      select: { id: true, code: true, name: true, autoAssign: true, patientInformationPolicy: true, groupId: true, criticalAckMinutes: true },
      orderBy: { code: "asc" },
    }),
    db.siteGroup.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { sites, groups };
}

import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import type { UpdateSiteSettings } from "@/lib/domain/rota/settings-schemas";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";

/** Auto-assignment on/off, the patient information policy, the local group and the critical findings delay of a site. */
export async function updateSiteSettings(args: { db: Db; actor: Actor; input: UpdateSiteSettings }) {
  const { db, actor, input } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages site settings");
  const select = { autoAssign: true, patientInformationPolicy: true, groupId: true, criticalAckMinutes: true } as const;
  return db.$transaction(async (tx) => {
    const before = await tx.site.findUnique({ where: { id: input.siteId }, select });
    if (!before) throw new AppError("NOT_FOUND", "Site not found");
    if (input.groupId !== null && !(await tx.siteGroup.findUnique({ where: { id: input.groupId }, select: { id: true } }))) {
      throw new AppError("BAD_INPUT", "Unknown site group", { field: "groupId" });
    }
    const after = await tx.site.update({
      where: { id: input.siteId },
      data: {
        autoAssign: input.autoAssign,
        patientInformationPolicy: input.patientInformationPolicy,
        groupId: input.groupId,
        // Findings already flagged keep the deadline they were given; new ones take this delay.
        ...(input.criticalAckMinutes !== undefined ? { criticalAckMinutes: input.criticalAckMinutes } : {}),
      },
      select: { id: true, ...select },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "SITE_SETTINGS_CHANGED",
      entityType: "Site",
      entityId: input.siteId,
      siteId: input.siteId,
      detail: { before, after: { autoAssign: after.autoAssign, patientInformationPolicy: after.patientInformationPolicy, groupId: after.groupId, criticalAckMinutes: after.criticalAckMinutes } },
    });
    return after;
  });
}

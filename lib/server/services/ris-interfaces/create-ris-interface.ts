import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { SERVICE_USER_EMAIL_DOMAIN, type CreateRisInterface } from "@/lib/domain/hl7/ris-interface-schema";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { RIS_INTERFACE_SELECT, toRisInterfaceDto, type RisInterfaceDto } from "./ris-interface-dto";
import { duplicatePairError, risInterfaceColumns } from "./ris-interface-input";

/**
 * Registers a site's RIS, with its service user in the same transaction: a REFERRER of the
 * site, inactive and without password (it can never sign in), under a reserved .invalid
 * address (no mail can reach it). HL7 orders are filed under it when the ordering physician has
 * no account at the site.
 */
export async function createRisInterface(args: { db: Db; actor: Actor; input: CreateRisInterface }): Promise<RisInterfaceDto> {
  const { db, actor, input } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages RIS interfaces");
  const { siteId, ...fields } = input;
  const columns = risInterfaceColumns(fields);
  try {
    return await db.$transaction(async (tx) => {
      const site = await tx.site.findUnique({ where: { id: siteId }, select: { id: true } });
      if (!site) throw new AppError("BAD_INPUT", "Unknown site", { field: "siteId", problem: "UNKNOWN_SITE" });
      const serviceUser = await tx.user.create({
        data: { email: `ris-${randomUUID()}@${SERVICE_USER_EMAIL_DOMAIN}`, displayName: `RIS ${columns.label}`.slice(0, 200), role: "REFERRER", siteId, active: false, passwordHash: null },
        select: { id: true },
      });
      const created = await tx.risInterface.create({ data: { siteId, ...columns, serviceUserId: serviceUser.id }, select: RIS_INTERFACE_SELECT });
      await writeAudit(tx, { actorId: actor.id, action: "RIS_INTERFACE_CREATED", entityType: "RisInterface", entityId: created.id, siteId, detail: { ...columns, serviceUserId: serviceUser.id } });
      await writeAudit(tx, { actorId: actor.id, action: "ACCOUNT_CREATED", entityType: "User", entityId: serviceUser.id, siteId, detail: { role: "REFERRER", risInterfaceId: created.id, active: false } });
      return toRisInterfaceDto(created);
    });
  } catch (error) {
    throw duplicatePairError(error) ?? error;
  }
}

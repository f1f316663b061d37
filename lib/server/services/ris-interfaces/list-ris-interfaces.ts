import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import type { Db } from "../../db/client";
import { RIS_INTERFACE_SELECT, toRisInterfaceDto, type RisInterfaceDto } from "./ris-interface-dto";

/** Every site's RIS interfaces: the administrator's view (no patient data). */
export async function listRisInterfaces(args: { db: Db; actor: Actor }): Promise<RisInterfaceDto[]> {
  if (!canEditSettings(args.actor)) throw new AppError("FORBIDDEN", "Only an administrator manages RIS interfaces");
  const rows = await args.db.risInterface.findMany({ select: RIS_INTERFACE_SELECT, orderBy: [{ site: { code: "asc" } }, { label: "asc" }, { id: "asc" }] });
  return rows.map(toRisInterfaceDto);
}

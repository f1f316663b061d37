import "server-only";
import type { Actor } from "@/lib/domain/access";
import { AppError } from "@/lib/domain/errors";
import { admitsAnyAddress } from "@/lib/domain/network/address-allow-list";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import type { Db } from "../../db/client";

export interface DicomSenderDto {
  id: string;
  siteId: string;
  siteName: string;
  kind: "AE_TITLE" | "STOW_TOKEN";
  label: string;
  /** The calling AE title; null for a STOW-RS token (whose secret is never shown again). */
  aeTitle: string | null;
  active: boolean;
  allowedNetworks: string[];
  /** 0.0.0.0/0 or ::/0 is on the list: the address does not protect this sender. */
  admitsAnyAddress: boolean;
}

/** Every registered DICOM sender of the territory, by site: the administrator's view (no patient data). */
export async function listDicomSenders(args: { db: Db; actor: Actor }): Promise<DicomSenderDto[]> {
  const { db, actor } = args;
  if (!canEditSettings(actor)) throw new AppError("FORBIDDEN", "Only an administrator manages DICOM senders");
  const senders = await db.dicomSender.findMany({
    select: { id: true, siteId: true, site: { select: { name: true } }, kind: true, label: true, aeTitle: true, active: true, allowedNetworks: true },
    orderBy: [{ site: { code: "asc" } }, { kind: "asc" }, { label: "asc" }, { id: "asc" }],
  });
  return senders.map(({ site, ...sender }) => ({ ...sender, siteName: site.name, admitsAnyAddress: admitsAnyAddress(sender.allowedNetworks) }));
}

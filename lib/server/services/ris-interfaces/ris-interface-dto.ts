import "server-only";
import { admitsAnyAddress } from "@/lib/domain/network/address-allow-list";

export interface RisInterfaceDto {
  id: string;
  siteId: string;
  siteName: string;
  label: string;
  sendingApplication: string;
  sendingFacility: string;
  allowedNetworks: string[];
  admitsAnyAddress: boolean;
  active: boolean;
  outboundHost: string | null;
  outboundPort: number | null;
  receivingApplication: string | null;
  receivingFacility: string | null;
  /** The account its orders are filed under when the ordering physician has none. */
  serviceUser: { id: string; displayName: string };
}

export const RIS_INTERFACE_SELECT = {
  id: true,
  siteId: true,
  site: { select: { name: true } },
  label: true,
  sendingApplication: true,
  sendingFacility: true,
  allowedNetworks: true,
  active: true,
  outboundHost: true,
  outboundPort: true,
  receivingApplication: true,
  receivingFacility: true,
  serviceUser: { select: { id: true, displayName: true } },
} as const;

type Row = { site: { name: string }; allowedNetworks: string[] } & Omit<RisInterfaceDto, "siteName" | "admitsAnyAddress">;

export function toRisInterfaceDto({ site, ...row }: Row): RisInterfaceDto {
  return { ...row, siteName: site.name, admitsAnyAddress: admitsAnyAddress(row.allowedNetworks) };
}

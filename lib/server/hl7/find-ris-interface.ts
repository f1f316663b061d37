import "server-only";
import type { Actor } from "@/lib/domain/access";
import { isAddressAllowed, rangesOf } from "@/lib/domain/network/address-allow-list";
import type { Db } from "../db/client";

// A RIS may send only if an administrator registered its MSH-3 (sending application) and MSH-4
// (sending facility) for a site, left it active, and the connection comes from an address of its
// allow-list (as DICOM senders: a name anyone can type, an address the hospital's network vouches
// for). Looked up for each message: deactivating an interface stops its next message.

export interface RisSender {
  id: string;
  siteId: string;
  label: string;
  /** The account its orders are filed under, and the actor of what its messages do. */
  serviceActor: Actor;
}

export type SenderLookup = { ok: true; sender: RisSender } | { ok: false; reason: "UNKNOWN_FACILITY" | "UNKNOWN_APPLICATION" | "ADDRESS_REFUSED"; risInterfaceId?: string; siteId?: string };

export async function findRisInterface(db: Db, identity: { sendingApplication: string; sendingFacility: string; peerAddress: string }): Promise<SenderLookup> {
  const found = await db.risInterface.findFirst({
    where: { sendingApplication: identity.sendingApplication, sendingFacility: identity.sendingFacility, active: true },
    select: { id: true, siteId: true, label: true, allowedNetworks: true, serviceUser: { select: { id: true, displayName: true } } },
  });
  if (!found) {
    const facilityKnown = identity.sendingFacility !== "" && (await db.risInterface.count({ where: { sendingFacility: identity.sendingFacility, active: true } })) > 0;
    return { ok: false, reason: facilityKnown ? "UNKNOWN_APPLICATION" : "UNKNOWN_FACILITY" };
  }
  if (!isAddressAllowed(rangesOf(found.allowedNetworks), identity.peerAddress)) {
    return { ok: false, reason: "ADDRESS_REFUSED", risInterfaceId: found.id, siteId: found.siteId };
  }
  return {
    ok: true,
    sender: {
      id: found.id,
      siteId: found.siteId,
      label: found.label,
      // The interface's account is a referrer of the site that never signs in: what it does is
      // scoped exactly as that referrer's acts would be.
      serviceActor: { id: found.serviceUser.id, role: "REFERRER", displayName: found.serviceUser.displayName, siteId: found.siteId, readableSiteIds: [] },
    },
  };
}

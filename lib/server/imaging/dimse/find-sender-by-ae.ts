import "server-only";
import type { Db } from "../../db/client";

// A DICOM node may send only if an administrator registered its calling AE title for a site
// and left it active. Looked up once per association: deactivating a sender stops its next
// association, not one already under way. The same goes for its address allow-list.

export interface AeSender {
  id: string;
  siteId: string;
  label: string;
  /** Canonical entries; checked against the peer's address once, at association. */
  allowedNetworks: string[];
}

export async function findSenderByAe(db: Db, callingAeTitle: string): Promise<AeSender | null> {
  // Leading and trailing spaces are not significant in an AE title (PS3.5 6.2, VR AE).
  const aeTitle = callingAeTitle.trim();
  if (!aeTitle) return null;
  return db.dicomSender.findFirst({
    where: { aeTitle, kind: "AE_TITLE", active: true },
    select: { id: true, siteId: true, label: true, allowedNetworks: true },
  });
}

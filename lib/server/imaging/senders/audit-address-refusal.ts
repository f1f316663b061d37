import "server-only";
import { toAuditRow } from "../../audit/write-audit";
import type { Db } from "../../db/client";

// A registered sender's name or token used from an address its allow-list does not hold is the
// attack the list exists for (a guessed AE title, a copied token): the refusal goes into the
// audit, for the site's IT to see. Someone hammering the port must not turn that into a
// write-per-packet on the database, so each (sender, address, channel) writes at most one row a
// minute; the next row says how many refusals the quiet minute held. The log line is written
// for every refusal by the caller.

export type RefusalChannel = "DIMSE" | "DIMSE_TLS" | "STOW";

export interface AddressRefusal {
  senderId: string;
  siteId: string;
  channel: RefusalChannel;
  address: string;
  /** The calling AE title (DIMSE) or the sender's label (STOW-RS). */
  presentedAs: string;
}

const WINDOW_MS = 60_000;
const MAX_TRACKED = 10_000;

export class AddressRefusalAuditor {
  private readonly recent = new Map<string, { until: number; suppressed: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Resolves once the row is written (or skipped); never rejects: a failed write is reported through `onError`. */
  async record(db: Db, refusal: AddressRefusal, onError: (error: unknown) => void): Promise<void> {
    const key = `${refusal.senderId}|${refusal.channel}|${refusal.address}`;
    const now = this.now();
    const seen = this.recent.get(key);
    if (seen && now < seen.until) {
      seen.suppressed++;
      return;
    }
    if (this.recent.size >= MAX_TRACKED) this.recent.clear();
    this.recent.set(key, { until: now + WINDOW_MS, suppressed: 0 });
    try {
      await db.auditLog.create({
        data: toAuditRow({
          actorId: null,
          action: "DICOM_SENDER_ADDRESS_REFUSED",
          entityType: "DicomSender",
          entityId: refusal.senderId,
          siteId: refusal.siteId,
          detail: { channel: refusal.channel, address: refusal.address, presentedAs: refusal.presentedAs, refusedSinceLastRow: seen?.suppressed ?? 0 },
        }),
      });
    } catch (error) {
      onError(error);
    }
  }
}

/** One per process: both DICOM ports and DICOMweb share the minute per sender and address. */
export const addressRefusalAuditor = new AddressRefusalAuditor();

import "server-only";
import { localDicomDateTime, worklistItem } from "@/lib/domain/modality-worklist/worklist-item";
import { toAuditRow } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { loadWorklistSources } from "./load-worklist-sources";
import { matchesWorklistQuery } from "./worklist-match";
import { type NaturalDataset, parseWorklistQuery } from "./worklist-query";
import { worklistResponse } from "./worklist-response";

// The use case behind a Modality Worklist C-FIND: the calling site's open télédiagnostics that
// match the identifier, as response identifiers. The caller was identified at association (AE
// title registered for the site, address on its allow-list): the site comes from there, never
// from the query. The read is audited before any item is answered: a worklist that cannot be
// recorded is not served.

export interface WorklistCaller {
  senderId: string;
  siteId: string;
  callingAeTitle: string;
  address: string;
  /** The plain or the TLS port. */
  channel: "DIMSE" | "DIMSE_TLS";
}

export type WorklistAnswer =
  | { ok: true; items: NaturalDataset[] }
  /** The identifier itself is wrong (answered A900, with the reason). */
  | { ok: false; reason: string };

export async function queryModalityWorklist(db: Db, caller: WorklistCaller, identifier: NaturalDataset, now = new Date()): Promise<WorklistAnswer> {
  const parsed = parseWorklistQuery(identifier);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const local = localDicomDateTime(now);
  const localNow = `${local.date}${local.time}.000000`;
  // The station AE of every item is the caller's: the product schedules the exam at the site,
  // not on one scanner, and a modality that filters on its own AE title still sees the list.
  const items = (await loadWorklistSources(db, caller.siteId))
    .map((source) => worklistItem(source, caller.callingAeTitle))
    .filter((item) => matchesWorklistQuery(item.dataset, parsed.query, localNow));
  await db.auditLog.create({
    data: toAuditRow({
      actorId: null,
      action: "DICOM_WORKLIST_QUERIED",
      entityType: "DicomSender",
      entityId: caller.senderId,
      siteId: caller.siteId,
      detail: {
        callingAeTitle: caller.callingAeTitle,
        address: caller.address,
        channel: caller.channel,
        keys: parsed.query.keys,
        results: items.length,
        requests: items.map((item) => item.requestId),
      },
    }),
  });
  return { ok: true, items: items.map((item) => worklistResponse(item.dataset, identifier)) };
}

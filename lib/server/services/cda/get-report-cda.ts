import "server-only";
import type { Actor } from "@/lib/domain/access";
import { writeAudit } from "../../audit/write-audit";
import type { Db } from "../../db/client";
import { readableSignedVersion } from "../reports/readable-signed-version";
import { buildCdaForVersion } from "./build-cda-for-version";

/**
 * A signed version as its CDA R2 document (CI-SIS IMG-CR-IMG), for the requester or the site's
 * RIS to file in the patient's shared record (DMP). Same rules as the PDF: a draft or a foreign
 * site's version is NOT_FOUND, only physicians read reports, each download is audited (the
 * document holds the patient's identity and the report).
 */
export async function getReportCda(args: { db: Db; actor: Actor; versionId: string }): Promise<{ fileName: string; xml: string }> {
  const { db, actor } = args;
  const target = await readableSignedVersion(db, actor, args.versionId);

  const xml = await buildCdaForVersion(db, target.id);
  await writeAudit(db, {
    actorId: actor.id,
    action: "REPORT_CDA_DOWNLOADED",
    entityType: "ReportVersion",
    entityId: target.id,
    siteId: target.siteId,
    detail: { requestId: target.requestId, sequence: target.sequence },
  });
  return { fileName: `CR-${target.accessionNumber}-v${target.sequence}.xml`, xml };
}

import "server-only";
import { z } from "zod";
import { getEnv } from "../../env";
import { storeReportExport } from "../../services/pacs-export/store-report-export";
import type { JobHandler } from "../job-handler";

const payloadSchema = z.object({ exportId: z.uuid() });

/**
 * "pacs.storeReport": one attempt at storing a signed report's document at the site's PACS. The
 * export row keeps its own attempts and schedules its own retries (the HL7 outbox's schedule),
 * so the job never fails for a PACS that is down.
 */
export function makePacsStoreReportHandler(options: { callingAeTitle?: string; timeoutMs?: number } = {}): JobHandler<"pacs.storeReport"> {
  return async (payload, { db, now, job }) => {
    const { exportId } = payloadSchema.parse(payload);
    await storeReportExport({ db, exportId, now, jobId: job.id, callingAeTitle: options.callingAeTitle ?? getEnv().DICOM_AE_TITLE, timeoutMs: options.timeoutMs });
  };
}

export const pacsStoreReportHandler = makePacsStoreReportHandler();

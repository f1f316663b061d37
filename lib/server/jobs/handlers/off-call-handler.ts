import "server-only";
import { z } from "zod";
import { handOverHeldRequests } from "../../services/assignment/hand-over-shift";
import type { JobHandler } from "../job-handler";

const payloadSchema = z.object({ radiologistId: z.uuid(), siteIds: z.array(z.uuid()), shiftId: z.uuid() });

/**
 * "rota.offCall": a running shift was deleted or reassigned. What its radiologist holds for
 * those sites is handed over unless they are still on call there (another shift).
 */
export const offCallHandler: JobHandler<"rota.offCall"> = async (payload, { db, now }) => {
  const { radiologistId, siteIds, shiftId } = payloadSchema.parse(payload);
  const leaving = await db.user.findUnique({ where: { id: radiologistId }, select: { id: true, displayName: true } });
  if (!leaving) return;
  await handOverHeldRequests({ db, leaving, siteIds, reference: shiftId, now });
};

import { z } from "zod";
import { PRIORITIES, REQUEST_STATUSES, REQUEST_TYPES } from "./enums";

// Filters of the worklist. Empty lists mean "no filter"; statuses default to the open ones.
export const worklistFilterSchema = z.object({
  statuses: z.array(z.enum(REQUEST_STATUSES)).max(REQUEST_STATUSES.length).default([]),
  siteIds: z.array(z.uuid()).max(100).default([]),
  priorities: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).default([]),
  types: z.array(z.enum(REQUEST_TYPES)).max(REQUEST_TYPES.length).default([]),
});

export type WorklistFilter = z.output<typeof worklistFilterSchema>;
export type WorklistFilterInput = z.input<typeof worklistFilterSchema>;

export const requestIdSchema = z.object({ requestId: z.uuid({ message: "validation.id" }) });

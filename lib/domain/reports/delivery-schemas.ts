import { z } from "zod";
import { requestIdSchema } from "../worklist-filter-schema";

// Inputs of the delivery of signed reports to the requester and of the referrer's "my
// requests" page, shared by the pages and the tRPC procedures. Messages are catalogue keys.

/** The signed report of a request was shown to its reader (the first opening is recorded). */
export const openReportSchema = requestIdSchema;
export type OpenReportInput = z.output<typeof openReportSchema>;

/** The requester confirms having read one delivered version (the original or an addendum). */
export const acknowledgeReportSchema = requestIdSchema.extend({ versionId: z.uuid({ message: "validation.id" }) });
export type AcknowledgeReportInput = z.output<typeof acknowledgeReportSchema>;

/** All of them; those still waiting for their report; those whose report is not yet acknowledged. */
export const MY_REQUESTS_FILTERS = ["ALL", "AWAITING_REPORT", "TO_ACKNOWLEDGE"] as const;
export type MyRequestsFilter = (typeof MY_REQUESTS_FILTERS)[number];

export const MY_REQUESTS_PAGE_MAX = 100;
/** Page size of the "my requests" page (shared by the server prefetch and the client). */
export const MY_REQUESTS_PAGE = 30;

export const listMyRequestsSchema = z.object({
  filter: z.enum(MY_REQUESTS_FILTERS, { message: "validation.choose" }).default("ALL"),
  limit: z.number({ message: "validation.integer" }).int({ message: "validation.integer" }).min(1, { message: "validation.range" }).max(MY_REQUESTS_PAGE_MAX, { message: "validation.range" }).default(MY_REQUESTS_PAGE),
  /** The id of the last request already shown: the next page starts after it. */
  cursor: z.uuid({ message: "validation.id" }).nullish(),
});
export type ListMyRequestsInput = z.input<typeof listMyRequestsSchema>;
export type ListMyRequests = z.output<typeof listMyRequestsSchema>;

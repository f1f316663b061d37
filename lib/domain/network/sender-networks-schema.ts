import { z } from "zod";
import { MAX_ALLOW_LIST_ENTRIES, MAX_ALLOW_LIST_ENTRY_LENGTH } from "./address-allow-list";

// Input of the administrator's edit of a sender's address allow-list. The shape is checked
// here; each entry's meaning by parseAllowList, in the form and again in the service.

export const updateSenderNetworksSchema = z.object({
  senderId: z.uuid({ message: "validation.id" }),
  allowedNetworks: z
    .array(z.string().max(MAX_ALLOW_LIST_ENTRY_LENGTH + 10, { message: "validation.tooLong" }), { message: "validation.required" })
    // Some slack over the limit: blank lines are dropped before the count that matters.
    .max(MAX_ALLOW_LIST_ENTRIES * 2, { message: "validation.tooLong" }),
});
export type UpdateSenderNetworks = z.output<typeof updateSenderNetworksSchema>;

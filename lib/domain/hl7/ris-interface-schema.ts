import { z } from "zod";
import { MAX_ALLOW_LIST_ENTRIES, MAX_ALLOW_LIST_ENTRY_LENGTH } from "../network/address-allow-list";

// The administrator's form for a site's RIS interface. Messages are catalogue keys ("ris.validation.x").
// The allow-list entries' meaning is checked by parseAllowList in the service (as for DICOM senders),
// and the uniqueness of the MSH-3/MSH-4 pair by the database.

/** An HL7 HD namespace: no delimiter of the message (|^~\&) and no control character. */
const hl7Name = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "ris.validation.tooLong" })
    .regex(/^[^|^~\\&\u0000-\u001f\u007f]*$/, { message: "ris.validation.delimiters" });

const requiredName = (max: number) => hl7Name(max).min(1, { message: "ris.validation.required" });

/** A host name (RFC 1123 labels) or an IPv4/IPv6 address: where the RIS's MLLP listener is. */
const HOST = /^(?=.{1,253}$)(([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*|\[?[0-9a-fA-F:.]+\]?)$/;

const fields = {
  label: z.string().trim().min(1, { message: "ris.validation.required" }).max(200, { message: "ris.validation.tooLong" }),
  sendingApplication: requiredName(227),
  sendingFacility: requiredName(227),
  allowedNetworks: z.array(z.string().max(MAX_ALLOW_LIST_ENTRY_LENGTH + 10, { message: "ris.validation.tooLong" })).max(MAX_ALLOW_LIST_ENTRIES * 2, { message: "ris.validation.tooLong" }),
  outboundHost: z
    .string()
    .trim()
    .max(253, { message: "ris.validation.tooLong" })
    .refine((host) => host === "" || HOST.test(host), { message: "ris.validation.host" }),
  // Empty in the form when nothing is sent; a port needs a host and the other way round (below).
  outboundPort: z.number({ message: "ris.validation.port" }).int({ message: "ris.validation.port" }).min(1, { message: "ris.validation.port" }).max(65535, { message: "ris.validation.port" }).nullable(),
  receivingApplication: hl7Name(227),
  receivingFacility: hl7Name(227),
};

function outboundComplete(value: { outboundHost: string; outboundPort: number | null }, context: z.RefinementCtx) {
  if (value.outboundHost !== "" && value.outboundPort === null) context.addIssue({ code: "custom", path: ["outboundPort"], message: "ris.validation.portRequired" });
  if (value.outboundHost === "" && value.outboundPort !== null) context.addIssue({ code: "custom", path: ["outboundHost"], message: "ris.validation.hostRequired" });
}

export const createRisInterfaceSchema = z.object({ siteId: z.uuid({ message: "ris.validation.site" }), ...fields }).superRefine(outboundComplete);
export type CreateRisInterface = z.output<typeof createRisInterfaceSchema>;

export const updateRisInterfaceSchema = z.object({ id: z.uuid({ message: "ris.validation.required" }), active: z.boolean(), ...fields }).superRefine(outboundComplete);
export type UpdateRisInterface = z.output<typeof updateRisInterfaceSchema>;

/** The reserved e-mail of an interface's service user: .invalid never resolves (RFC 2606), so no mail can reach it. */
export const SERVICE_USER_EMAIL_DOMAIN = "interfaces.invalid";

export function isInterfaceServiceEmail(email: string): boolean {
  return email.toLowerCase().endsWith(`@${SERVICE_USER_EMAIL_DOMAIN}`);
}

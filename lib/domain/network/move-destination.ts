import { z } from "zod";
import { parseIpAddress } from "./ip-address";

// A C-MOVE destination of a site (PS3.4 C.4.2): the DICOM node the archive sends a retrieved
// study to when the site's PACS asks for it by AE title. The administrator's form and the
// service check the same rules; each problem is named for the field at fault. Pure.

export const MAX_LABEL_LENGTH = 200;
/** AE (PS3.5 6.2): 16 characters at most. */
export const MAX_AE_TITLE_LENGTH = 16;
const MAX_HOST_LENGTH = 253;

// "formats": a report destination's document formats (report-destination.ts).
export type DestinationField = "label" | "aeTitle" | "host" | "port" | "formats";
export type DestinationProblemCode =
  | "LABEL_REQUIRED"
  | "LABEL_TOO_LONG"
  | "AE_REQUIRED"
  | "AE_TOO_LONG"
  | "AE_CHARACTERS"
  | "HOST_REQUIRED"
  | "HOST_INVALID"
  | "PORT_RANGE"
  // A report destination with neither PDF nor SR would store nothing.
  | "FORMAT_REQUIRED"
  // Found by the service only: another destination of the same site has this AE title.
  | "AE_TAKEN";

export interface DestinationProblem {
  field: DestinationField;
  code: DestinationProblemCode;
}

export interface MoveDestinationValues {
  label: string;
  aeTitle: string;
  host: string;
  port: number;
}

export type DestinationCheck = { ok: true; value: MoveDestinationValues } | { ok: false; problems: DestinationProblem[] };

/** The form's values (the port as typed), trimmed and checked. */
export function checkMoveDestination(input: { label: string; aeTitle: string; host: string; port: string | number }): DestinationCheck {
  const problems: DestinationProblem[] = [];
  const label = input.label.trim();
  if (!label) problems.push({ field: "label", code: "LABEL_REQUIRED" });
  else if (label.length > MAX_LABEL_LENGTH) problems.push({ field: "label", code: "LABEL_TOO_LONG" });

  // Leading and trailing spaces are not significant in an AE title (PS3.5 6.2).
  const aeTitle = input.aeTitle.trim();
  const aeProblem = aeTitleProblem(aeTitle);
  if (aeProblem) problems.push({ field: "aeTitle", code: aeProblem });

  const host = input.host.trim();
  if (!host) problems.push({ field: "host", code: "HOST_REQUIRED" });
  else if (!isHost(host)) problems.push({ field: "host", code: "HOST_INVALID" });

  const portText = String(input.port).trim();
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port < 1 || port > 65535) problems.push({ field: "port", code: "PORT_RANGE" });

  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { label, aeTitle, host, port } };
}

/** An AE title's problem, or null: 1 to 16 printable ASCII characters, no backslash (the value separator). */
export function aeTitleProblem(aeTitle: string): DestinationProblemCode | null {
  if (!aeTitle) return "AE_REQUIRED";
  if (aeTitle.length > MAX_AE_TITLE_LENGTH) return "AE_TOO_LONG";
  if (!/^[\x20-\x5b\x5d-\x7e]+$/.test(aeTitle)) return "AE_CHARACTERS";
  return null;
}

/** An IPv4 or IPv6 address, or a DNS host name (RFC 1123 labels). */
function isHost(host: string): boolean {
  if (host.length > MAX_HOST_LENGTH) return false;
  if (parseIpAddress(host)) return true;
  return host.split(".").every((label) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label)) && !/^[0-9.]+$/.test(host);
}

// The shape of the procedures' input; the meaning is checked by checkMoveDestination, in the
// form and again in the service.
const fields = {
  label: z.string().max(MAX_LABEL_LENGTH + 50, { message: "validation.tooLong" }),
  aeTitle: z.string().max(64, { message: "validation.tooLong" }),
  host: z.string().max(MAX_HOST_LENGTH + 10, { message: "validation.tooLong" }),
  port: z.union([z.string().max(10), z.number()]),
};

export const createMoveDestinationSchema = z.object({ siteId: z.uuid({ message: "validation.id" }), ...fields });
export type CreateMoveDestination = z.output<typeof createMoveDestinationSchema>;

export const updateMoveDestinationSchema = z.object({ id: z.uuid({ message: "validation.id" }), ...fields, active: z.boolean() });
export type UpdateMoveDestination = z.output<typeof updateMoveDestinationSchema>;

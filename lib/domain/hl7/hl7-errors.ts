// What goes wrong with a received message, as the ACK's ERR segments say it (HL7 v2.5.1 2.15.5):
// where (ERR-2: segment, its sequence, field, component), what (ERR-3, table 0357), how bad
// (ERR-4: E error, W warning) and, for the interface engineer reading the log, a French text
// (ERR-8). AR rejects the message itself (it was never processed: version, type, sender, framing,
// a control id reused); AE says it was processed and refused for its content.

/** HL7 table 0357 (message error condition codes) used by this product. */
export const HL7_ERROR_CODES = {
  SEGMENT_SEQUENCE: "100",
  REQUIRED_FIELD_MISSING: "101",
  DATA_TYPE_ERROR: "102",
  TABLE_VALUE_NOT_FOUND: "103",
  UNSUPPORTED_MESSAGE_TYPE: "200",
  UNSUPPORTED_EVENT_CODE: "201",
  UNSUPPORTED_PROCESSING_ID: "202",
  UNSUPPORTED_VERSION_ID: "203",
  UNKNOWN_KEY_IDENTIFIER: "204",
  DUPLICATE_KEY_IDENTIFIER: "205",
  APPLICATION_RECORD_LOCKED: "206",
  APPLICATION_INTERNAL_ERROR: "207",
} as const;
export type Hl7ErrorCode = (typeof HL7_ERROR_CODES)[keyof typeof HL7_ERROR_CODES];

const ERROR_CODE_TEXT: Record<Hl7ErrorCode, string> = {
  "100": "Segment sequence error",
  "101": "Required field missing",
  "102": "Data type error",
  "103": "Table value not found",
  "200": "Unsupported message type",
  "201": "Unsupported event code",
  "202": "Unsupported processing id",
  "203": "Unsupported version id",
  "204": "Unknown key identifier",
  "205": "Duplicate key identifier",
  "206": "Application record locked",
  "207": "Application internal error",
};

export function errorCodeText(code: Hl7ErrorCode): string {
  return ERROR_CODE_TEXT[code];
}

/** ERR-2 (ERL): segment id, its sequence in the message (1 = first of that name), field, component. */
export interface Hl7ErrorLocation {
  segment: string;
  sequence?: number;
  field?: number;
  component?: number;
}

export interface Hl7Problem {
  code: Hl7ErrorCode;
  location?: Hl7ErrorLocation;
  /** French, for the interface engineer (ERR-8). */
  message: string;
}

/** MSA-1: accepted, application error (processed, refused), application reject (not processed). */
export type AckCode = "AA" | "AE" | "AR";

/** Where a problem points, as "PID-3.4" or "OBX[2]-5" (the log's and errorText's notation). */
export function locationText(location: Hl7ErrorLocation | undefined): string {
  if (!location) return "";
  const sequence = location.sequence && location.sequence > 1 ? `[${location.sequence}]` : "";
  const field = location.field ? `-${location.field}` : "";
  const component = location.field && location.component ? `.${location.component}` : "";
  return `${location.segment}${sequence}${field}${component}`;
}

/** One line per problem, for Hl7Message.errorText and the log. */
export function problemsText(problems: readonly Hl7Problem[]): string {
  return problems.map((problem) => [problem.code, locationText(problem.location), problem.message].filter(Boolean).join(" ")).join("\n");
}

export const problem = (code: Hl7ErrorCode, message: string, location?: Hl7ErrorLocation): Hl7Problem => ({ code, message, ...(location ? { location } : {}) });

const LOCATION = /^([A-Z][A-Z0-9]{2})(?:\[(\d+)\])?(?:-(\d+)(?:\.(\d+))?)?$/;

/**
 * The problems of a stored errorText (problemsText's lines), to answer a resent message with the
 * same ERR segments as the first time.
 */
export function parseProblemsText(text: string | null): Hl7Problem[] {
  if (!text) return [];
  return text.split("\n").flatMap((line) => {
    const [code = "", second = "", ...rest] = line.split(" ");
    if (!(Object.values(HL7_ERROR_CODES) as string[]).includes(code)) return [];
    const match = LOCATION.exec(second);
    if (!match) return [{ code: code as Hl7ErrorCode, message: [second, ...rest].join(" ") }];
    const location: Hl7ErrorLocation = {
      segment: match[1]!,
      ...(match[2] ? { sequence: Number(match[2]) } : {}),
      ...(match[3] ? { field: Number(match[3]) } : {}),
      ...(match[4] ? { component: Number(match[4]) } : {}),
    };
    return [{ code: code as Hl7ErrorCode, location, message: rest.join(" ") }];
  });
}

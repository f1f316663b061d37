import "server-only";

/** The signed report version an ORU^R01 carries: "Compte rendu (original)", "Addendum 1 (correction)". */
export interface Hl7ReportVersionRef {
  kind: "ORIGINAL" | "ADDENDUM";
  sequence: number;
}

/** A message's state as people see it: never the raw text (it holds the patient's identity). */
export interface Hl7MessageStateDto {
  id: string;
  direction: "INBOUND" | "OUTBOUND";
  messageType: string;
  orderControl: string | null;
  report: Hl7ReportVersionRef | null;
  state: "ACCEPTED" | "ERROR" | "REJECTED" | "QUEUED" | "SENT" | "ACKNOWLEDGED" | "FAILED";
  ackCode: string | null;
  errorText: string | null;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

export const HL7_MESSAGE_STATE_SELECT = {
  id: true,
  direction: true,
  messageType: true,
  orderControl: true,
  reportVersion: { select: { kind: true, sequence: true } },
  state: true,
  ackCode: true,
  errorText: true,
  attempts: true,
  createdAt: true,
  updatedAt: true,
} as const;

export function toHl7MessageStateDto<T extends Omit<Hl7MessageStateDto, "id" | "report"> & { id: bigint; reportVersion: Hl7ReportVersionRef | null }>(row: T): Hl7MessageStateDto {
  return {
    id: row.id.toString(),
    direction: row.direction,
    messageType: row.messageType,
    orderControl: row.orderControl,
    report: row.reportVersion,
    state: row.state,
    ackCode: row.ackCode,
    errorText: row.errorText,
    attempts: row.attempts,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

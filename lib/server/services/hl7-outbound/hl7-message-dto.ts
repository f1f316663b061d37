import "server-only";

/** A message's state as people see it: never the raw text (it holds the patient's identity). */
export interface Hl7MessageStateDto {
  id: string;
  direction: "INBOUND" | "OUTBOUND";
  messageType: string;
  orderControl: string | null;
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
  state: true,
  ackCode: true,
  errorText: true,
  attempts: true,
  createdAt: true,
  updatedAt: true,
} as const;

export function toHl7MessageStateDto<T extends Omit<Hl7MessageStateDto, "id"> & { id: bigint }>(row: T): Hl7MessageStateDto {
  return {
    id: row.id.toString(),
    direction: row.direction,
    messageType: row.messageType,
    orderControl: row.orderControl,
    state: row.state,
    ackCode: row.ackCode,
    errorText: row.errorText,
    attempts: row.attempts,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

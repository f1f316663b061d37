import "server-only";
import type { EventReasonDetail } from "@/lib/domain/assignment/event-reason-detail";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The detail as Prisma's JSON input (the domain type is plain JSON: strings, numbers, arrays). */
export function reasonDetailJson(detail: EventReasonDetail): Prisma.InputJsonValue {
  return detail as unknown as Prisma.InputJsonValue;
}

import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { Modality, Priority, RequestStatus, RequestType } from "@/lib/domain/enums";
import { AppError } from "@/lib/domain/errors";
import type { ListMyRequests, MyRequestsFilter } from "@/lib/domain/reports/delivery-schemas";
import { OPEN_STATUSES } from "@/lib/domain/request-state-machine";
import type { Prisma } from "@/lib/generated/prisma/client";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { visibleRequestsWhere } from "../requests/request-scope";

export interface MyRequestRow {
  id: string;
  type: RequestType;
  priority: Priority;
  status: RequestStatus;
  submittedAt: Date;
  patient: { familyName: string; givenName: string };
  modality: Modality;
  bodyRegion: string;
  site: { id: string; code: string; name: string };
  holder: { id: string; name: string } | null;
  /** When the original report (or opinion) was signed; null until then. */
  signedAt: Date | null;
  addendumCount: number;
  /** The latest delivered version's state, as the requester left it. */
  latestDelivery: { deliveredAt: Date; firstOpenedAt: Date | null; acknowledgedAt: Date | null } | null;
  /** A delivered version (original or addendum) the requester has not yet confirmed reading. */
  hasUnacknowledgedReport: boolean;
  /** Critical findings on the request still waiting for their acknowledgement. */
  criticalOpen: number;
}

export interface MyRequestsPage {
  items: MyRequestRow[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

const myRequestSelect = {
  id: true,
  type: true,
  priority: true,
  status: true,
  submittedAt: true,
  patientFamilyName: true,
  patientGivenName: true,
  modality: true,
  bodyRegion: true,
  site: { select: { id: true, code: true, name: true } },
  holder: { select: { id: true, displayName: true } },
  reports: { where: { signedAt: { not: null } }, select: { kind: true, signedAt: true } },
  deliveries: { select: { recipientId: true, deliveredAt: true, firstOpenedAt: true, acknowledgedAt: true }, orderBy: { deliveredAt: "asc" } },
  _count: { select: { findings: { where: { acknowledgedAt: null } } } },
} satisfies Prisma.ReadingRequestSelect;

type MyRequestRecord = Prisma.ReadingRequestGetPayload<{ select: typeof myRequestSelect }>;

/**
 * The referring physician's own requests, newest first, page by page, with what they need at
 * a glance: the status, whether the report is signed, and whether something awaits them (a
 * report to read, a critical finding to acknowledge). Only requests they submitted, within
 * what they may still see. The read of the list is audited.
 */
export async function listMyRequests(args: { db: Db; actor: Actor; input: ListMyRequests }): Promise<MyRequestsPage> {
  const { db, actor, input } = args;
  if (actor.role !== "REFERRER") throw new AppError("FORBIDDEN", "Only referring physicians have requests of their own");

  const mine: Prisma.ReadingRequestWhereInput = { AND: [visibleRequestsWhere(actor), { requesterId: actor.id }] };
  const after = input.cursor ? await afterCursor(db, mine, input.cursor) : {};
  const rows = await db.readingRequest.findMany({
    where: { AND: [mine, filterWhere(actor, input.filter), after] },
    select: myRequestSelect,
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit).map((row) => toMyRequestRow(actor, row));

  bufferReadAudit(db, {
    actorId: actor.id,
    action: "MY_REQUESTS_READ",
    entityType: "Worklist",
    detail: { filter: input.filter, count: page.length, requestIds: page.map((row) => row.id) },
  });
  return { items: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

function filterWhere(actor: Actor, filter: MyRequestsFilter): Prisma.ReadingRequestWhereInput {
  switch (filter) {
    case "ALL":
      return {};
    case "AWAITING_REPORT":
      // Still in the radiologists' hands: neither answered nor closed without an answer.
      return { status: { in: [...OPEN_STATUSES] } };
    case "TO_ACKNOWLEDGE":
      return { deliveries: { some: { recipientId: actor.id, acknowledgedAt: null } } };
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}

/** Rows after the cursor's request in (submittedAt desc, id desc) order; the cursor must be one's own. */
async function afterCursor(db: Db, mine: Prisma.ReadingRequestWhereInput, cursor: string): Promise<Prisma.ReadingRequestWhereInput> {
  const last = await db.readingRequest.findFirst({ where: { AND: [mine, { id: cursor }] }, select: { id: true, submittedAt: true } });
  if (!last) throw new AppError("NOT_FOUND", "Unknown cursor");
  return { OR: [{ submittedAt: { lt: last.submittedAt } }, { submittedAt: last.submittedAt, id: { lt: last.id } }] };
}

function toMyRequestRow(actor: Actor, row: MyRequestRecord): MyRequestRow {
  const original = row.reports.find((report) => report.kind === "ORIGINAL");
  const mineDelivered = row.deliveries.filter((delivery) => delivery.recipientId === actor.id);
  const latest = mineDelivered.at(-1);
  return {
    id: row.id,
    type: row.type,
    priority: row.priority,
    status: row.status,
    submittedAt: row.submittedAt,
    patient: { familyName: row.patientFamilyName, givenName: row.patientGivenName },
    modality: row.modality,
    bodyRegion: row.bodyRegion,
    site: row.site,
    holder: row.holder ? { id: row.holder.id, name: row.holder.displayName } : null,
    signedAt: original?.signedAt ?? null,
    addendumCount: row.reports.filter((report) => report.kind === "ADDENDUM").length,
    latestDelivery: latest ? { deliveredAt: latest.deliveredAt, firstOpenedAt: latest.firstOpenedAt, acknowledgedAt: latest.acknowledgedAt } : null,
    hasUnacknowledgedReport: mineDelivered.some((delivery) => delivery.acknowledgedAt === null),
    criticalOpen: row._count.findings,
  };
}

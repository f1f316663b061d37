import "server-only";
import { OUTCOMES, TurnaroundColumns } from "@/lib/domain/dashboard/turnaround-columns";
import type { Db } from "../../db/client";

// The dashboards read the RequestMilestones rows from memory (lib/domain/dashboard/
// turnaround-columns.ts): a year of a busy territory is a million rows, too many to aggregate
// in SQL within a page load, and a few tens of MB as typed arrays.
//
// Catching up: each row carries the id of the transaction that last wrote it. Before reading,
// we take the oldest transaction still running (the snapshot's xmin); every transaction older
// than that has finished, so after reading the rows written since the previous watermark,
// nothing older can appear later. Rows of transactions still running are read again next time
// (rewriting a row is idempotent). Each instance of the server catches up on its own.

const BATCH = 50_000;

interface BatchRow {
  ordinal: number[];
  site: string[];
  radiologist: (string | null)[];
  priority: number[];
  type: number[];
  modality: number[];
  outcome: number[];
  submitted: number[];
  decided: (number | null)[];
  complete: (number | null)[];
  claimed: (number | null)[];
  signed: (number | null)[];
  acknowledged: (number | null)[];
  cancelled: (number | null)[];
  last: number | null;
}

export class TurnaroundIndex {
  readonly columns = new TurnaroundColumns();
  private watermark = 0n;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  /**
   * Brings the columns up to date with every row committed before the call. A catch-up already
   * under way began before this call and may miss what was just committed: the caller waits
   * for it, then for the next one, which every caller arriving meanwhile shares.
   */
  async catchUp(db: Db): Promise<TurnaroundColumns> {
    if (this.running) {
      this.queued ??= this.running
        .catch(() => undefined)
        .then(() => {
          this.queued = null;
          return this.start(db);
        });
      await this.queued;
    } else {
      await this.start(db);
    }
    return this.columns;
  }

  private start(db: Db): Promise<void> {
    const run = this.readSince(db).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async readSince(db: Db): Promise<void> {
    const [snapshot] = await db.$queryRaw<{ xmin: string }[]>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`;
    let after = 0;
    for (;;) {
      const [batch] = await db.$queryRaw<BatchRow[]>`
        WITH rows AS (
          SELECT * FROM "RequestMilestones"
           WHERE "txid" >= ${this.watermark} AND "ordinal" > ${after}
           ORDER BY "ordinal" LIMIT ${BATCH}
        )
        SELECT array_agg("ordinal"::int ORDER BY "ordinal") AS ordinal,
               array_agg("siteId"::text ORDER BY "ordinal") AS site,
               array_agg("radiologistId"::text ORDER BY "ordinal") AS radiologist,
               array_agg(array_position(enum_range(NULL::"Priority"), "priority") - 1 ORDER BY "ordinal") AS priority,
               array_agg(array_position(enum_range(NULL::"RequestType"), "type") - 1 ORDER BY "ordinal") AS type,
               array_agg(array_position(enum_range(NULL::"Modality"), "modality") - 1 ORDER BY "ordinal") AS modality,
               array_agg(CASE "indicationOutcome" WHEN 'INDICATION_ACCEPTED' THEN 1 WHEN 'INDICATION_MODIFIED' THEN 2 WHEN 'INDICATION_REFUSED' THEN 3 ELSE 0 END ORDER BY "ordinal") AS outcome,
               array_agg(floor(extract(epoch FROM "submittedAt"))::int ORDER BY "ordinal") AS submitted,
               array_agg(floor(extract(epoch FROM "indicationDecidedAt"))::int ORDER BY "ordinal") AS decided,
               array_agg(floor(extract(epoch FROM "imagesCompleteAt"))::int ORDER BY "ordinal") AS complete,
               array_agg(floor(extract(epoch FROM "claimedAt"))::int ORDER BY "ordinal") AS claimed,
               array_agg(floor(extract(epoch FROM "signedAt"))::int ORDER BY "ordinal") AS signed,
               array_agg(floor(extract(epoch FROM "acknowledgedAt"))::int ORDER BY "ordinal") AS acknowledged,
               array_agg(floor(extract(epoch FROM "cancelledAt"))::int ORDER BY "ordinal") AS cancelled,
               max("ordinal")::int AS last
          FROM rows`;
      if (!batch || batch.last === null) break;
      this.apply(batch);
      if (batch.ordinal.length < BATCH) break;
      after = batch.last;
    }
    const xmin = BigInt(snapshot!.xmin);
    if (xmin > this.watermark) this.watermark = xmin;
  }

  private apply(batch: BatchRow): void {
    for (let k = 0; k < batch.ordinal.length; k += 1) {
      this.columns.set({
        ordinal: batch.ordinal[k]!,
        siteId: batch.site[k]!,
        radiologistId: batch.radiologist[k] ?? null,
        priority: batch.priority[k]!,
        type: batch.type[k]!,
        modality: batch.modality[k]!,
        outcome: batch.outcome[k]! < OUTCOMES.length ? batch.outcome[k]! : 0,
        submitted: batch.submitted[k]!,
        decided: batch.decided[k] ?? 0,
        complete: batch.complete[k] ?? 0,
        claimed: batch.claimed[k] ?? 0,
        signed: batch.signed[k] ?? 0,
        acknowledged: batch.acknowledged[k] ?? 0,
        cancelled: batch.cancelled[k] ?? 0,
      });
    }
  }
}

// One index per database client (the server has one; tests and benches may have several).
const indexes = new WeakMap<Db, TurnaroundIndex>();

export function turnaroundIndexFor(db: Db): TurnaroundIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new TurnaroundIndex();
    indexes.set(db, index);
  }
  return index;
}

import "server-only";
import type { Db } from "../../db/client";
import { insertKnownSeriesRows, type KnownSeriesRow } from "./insert-known-series-rows";

/**
 * The common case of ingest: an instance of a series already indexed (and committed) by this
 * process, whose study is this site's and asks nothing more of it. Its row and audit row are
 * written by one INSERT shared with the other ingests running at the same time (a group
 * commit): a STOW-RS request of ten instances, or several senders, pay one database round trip
 * and one commit between them instead of one each. An ingest joins the next statement while
 * one is running, so a lone C-STORE waits for nothing more than its own insert.
 *
 * Resolves only once the statement has committed: true when the row was written, false,
 * having written nothing, whenever anything else may be needed (a link to make, a request to
 * flag, another site's study, the SOP Instance UID already stored) or when the statement
 * failed; the caller then takes the full path (a transaction with its row locks, or the
 * comparison with the stored copy), exactly as without this shortcut. The condition is read in
 * the same statement as the insert, so a study linked or a request signed before it counts;
 * one changed after it is the same race as the full path's plain read of the study.
 */
export function indexInKnownSeries(db: Db, row: KnownSeriesRow): Promise<boolean> {
  return batcherOf(db).add(row);
}

/** Rows per statement: a STOW-RS request's worth several times over, and well below PostgreSQL's 65,535 parameters. */
const MAX_ROWS_PER_STATEMENT = 64;

interface Waiting {
  row: KnownSeriesRow;
  resolve: (inserted: boolean) => void;
}

class KnownSeriesBatcher {
  private waiting: Waiting[] = [];
  private running = false;

  constructor(private readonly db: Db) {}

  add(row: KnownSeriesRow): Promise<boolean> {
    return new Promise((resolve) => {
      this.waiting.push({ row, resolve });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.takeBatch();
        let inserted: Set<string>;
        try {
          inserted = await insertKnownSeriesRows(
            this.db,
            batch.map((w) => w.row),
          );
        } catch {
          // Nothing of the statement was written: each ingest takes the full path, which
          // reports the error (a database down) to its own sender if it persists.
          inserted = new Set();
        }
        for (const w of batch) w.resolve(inserted.has(w.row.parsed.sopInstanceUid));
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * The next rows in arrival order, one per SOP Instance UID: a second copy waits for the next
   * statement, where it finds the first stored (and goes to the comparison with it).
   */
  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    const uids = new Set<string>();
    for (const w of this.waiting) {
      const uid = w.row.parsed.sopInstanceUid;
      if (batch.length < MAX_ROWS_PER_STATEMENT && !uids.has(uid)) {
        uids.add(uid);
        batch.push(w);
      } else rest.push(w);
    }
    this.waiting = rest;
    return batch;
  }
}

const batchers = new WeakMap<Db, KnownSeriesBatcher>();

function batcherOf(db: Db): KnownSeriesBatcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new KnownSeriesBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher;
}

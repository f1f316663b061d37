import "server-only";
import type { Db } from "../db/client";
import type { RoomSequenceStore } from "../realtime/room-sequence-store";

// The sequence number of each socket room, in the database that every instance shares: hints
// published by any instance are numbered in one series per room, so a client notices a hint it
// missed whichever instance sent it (lib/realtime/hint-sequence.ts).
//
// The publishes of one instance are gathered while a statement is out and numbered together
// by the next one (one INSERT ... ON CONFLICT DO UPDATE ... RETURNING for every room of every
// hint waiting), and statements go one at a time: this instance's hints leave in the order they
// were numbered. Two instances numbering the same room at once may still deliver 6 before 5:
// the client sees a gap and refetches everything, which is safe.

/** What a hint gets when its number could not be drawn: never the next of any room, so always a gap. */
export const UNNUMBERED = -1;

interface Waiting {
  rooms: readonly string[];
  resolve: (seqs: number[]) => void;
  reject: (error: unknown) => void;
}

export class RoomSequences implements RoomSequenceStore {
  private waiting: Waiting[] = [];
  private inFlight = false;

  constructor(private readonly db: Db) {}

  /** The next number of each room, in the order given. */
  next(rooms: readonly string[]): Promise<number[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ rooms, resolve, reject });
      if (!this.inFlight) void this.drain();
    });
  }

  /** The current number of each room (0 for a room never published to). */
  async current(rooms: readonly string[]): Promise<Record<string, number>> {
    const found = await this.db.$queryRaw<{ room: string; seq: number }[]>`
      SELECT "room", "seq"::int AS "seq" FROM "RealtimeRoom" WHERE "room" = ANY(${[...rooms]}::text[])`;
    const byRoom = new Map(found.map((row) => [row.room, row.seq]));
    return Object.fromEntries(rooms.map((room) => [room, byRoom.get(room) ?? 0]));
  }

  private async drain(): Promise<void> {
    this.inFlight = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting;
        this.waiting = [];
        await this.number(batch);
      }
    } finally {
      this.inFlight = false;
    }
  }

  private async number(batch: Waiting[]): Promise<void> {
    const counts = new Map<string, number>();
    for (const waiting of batch) for (const room of waiting.rooms) counts.set(room, (counts.get(room) ?? 0) + 1);
    // Sorted: two instances locking the same rooms take them in the same order (no deadlock).
    const names = [...counts.keys()].sort();
    let last: Map<string, number>;
    try {
      const rows = await this.db.$queryRaw<{ room: string; seq: number }[]>`
        INSERT INTO "RealtimeRoom" ("room", "seq")
        SELECT "room", "n" FROM unnest(${names}::text[], ${names.map((name) => counts.get(name)!)}::int[]) AS t("room", "n") ORDER BY "room"
        ON CONFLICT ("room") DO UPDATE SET "seq" = "RealtimeRoom"."seq" + EXCLUDED."seq"
        RETURNING "room", "seq"::int AS "seq"`;
      last = new Map(rows.map((row) => [row.room, row.seq]));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    // The statement returned each room's last number; the batch's hints take the ones before it in order.
    const nextOf = new Map(names.map((name) => [name, last.get(name)! - counts.get(name)! + 1]));
    for (const waiting of batch) {
      waiting.resolve(
        waiting.rooms.map((room) => {
          const seq = nextOf.get(room)!;
          nextOf.set(room, seq + 1);
          return seq;
        }),
      );
    }
  }
}

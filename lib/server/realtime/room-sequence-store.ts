import "server-only";

/** Where socket rooms' sequence numbers are drawn: shared (cluster/room-sequences.ts) or this process's memory. */
export interface RoomSequenceStore {
  /** The next number of each room, in the order given; a caller's hints are numbered in call order. */
  next(rooms: readonly string[]): Promise<number[]>;
  /** The current number of each room (0 for a room never published to). */
  current(rooms: readonly string[]): Promise<Record<string, number>>;
}

/** One process alone (tests without a cluster): numbers in memory, lost at restart (clients then see a gap). */
export class MemoryRoomSequences implements RoomSequenceStore {
  private readonly last = new Map<string, number>();

  next(rooms: readonly string[]): Promise<number[]> {
    return Promise.resolve(
      rooms.map((room) => {
        const seq = (this.last.get(room) ?? 0) + 1;
        this.last.set(room, seq);
        return seq;
      }),
    );
  }

  current(rooms: readonly string[]): Promise<Record<string, number>> {
    return Promise.resolve(Object.fromEntries(rooms.map((room) => [room, this.last.get(room) ?? 0])));
  }
}

import { describe, expect, it } from "vitest";
import type { RadiologistLoad } from "./board-view";
import { onCallLoads, type CoveringShift } from "./on-call-load";

const ends = new Date("2026-11-24T20:00:00.000Z");
const starts = new Date("2026-11-24T08:00:00.000Z");
const person = (id: string, name: string) => ({ id, name });
const shift = (who: { id: string; name: string }, role: "PRIMARY" | "BACKUP", siteCodes: string[], endsAt = ends): CoveringShift => ({ radiologist: who, role, siteCodes, startsAt: starts, endsAt });
const load = (who: { id: string; name: string }, held: number, inReading: number): RadiologistLoad => ({ radiologist: who, held, inReading });

const martin = person("r1", "Dr Martin");
const bernard = person("r2", "Dr Bernard");
const petit = person("r3", "Dr Petit");
const durand = person("r4", "Dr Durand");

describe("who is on call and their load", () => {
  it("lists primary shifts first then backups, by name, with each one's load (zero when holding nothing)", () => {
    const { onCall, offCallHolders } = onCallLoads([shift(petit, "BACKUP", ["CHU"]), shift(martin, "PRIMARY", ["CHB"]), shift(bernard, "PRIMARY", ["CHA"])], [load(martin, 4, 1)]);
    expect(onCall.map((row) => [row.radiologist.name, row.shifts[0]?.role, row.held, row.inReading])).toEqual([
      ["Dr Bernard", "PRIMARY", 0, 0],
      ["Dr Martin", "PRIMARY", 4, 1],
      ["Dr Petit", "BACKUP", 0, 0],
    ]);
    expect(offCallHolders).toEqual([]);
  });

  it("merges a radiologist's overlapping shifts into one row, primary first", () => {
    const { onCall } = onCallLoads([shift(martin, "BACKUP", ["CHU"], new Date("2026-11-24T22:00:00.000Z")), shift(martin, "PRIMARY", ["CHA", "CHB"])], [load(martin, 2, 2)]);
    expect(onCall).toHaveLength(1);
    expect(onCall[0]).toMatchObject({ held: 2, inReading: 2, shifts: [{ role: "PRIMARY", siteCodes: ["CHA", "CHB"] }, { role: "BACKUP", siteCodes: ["CHU"] }] });
  });

  it("lists those off call who still hold open requests, heaviest first (what a shift change left behind)", () => {
    const { onCall, offCallHolders } = onCallLoads([shift(martin, "PRIMARY", ["CHA"])], [load(martin, 1, 0), load(petit, 1, 1), load(durand, 3, 0), load(bernard, 0, 0)]);
    expect(onCall.map((row) => row.radiologist.id)).toEqual(["r1"]);
    expect(offCallHolders).toEqual([load(durand, 3, 0), load(petit, 1, 1)]);
  });
});

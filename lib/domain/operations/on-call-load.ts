import type { ShiftRole } from "../enums";
import type { BoardPerson, OnCallRadiologist, OnCallShift, RadiologistLoad } from "./board-view";

/** A shift covering now, as the rota query returns it. */
export interface CoveringShift extends OnCallShift {
  radiologist: BoardPerson;
}

const ROLE_ORDER: Record<ShiftRole, number> = { PRIMARY: 0, BACKUP: 1 };

/**
 * Who is on call with their load, and who holds open requests while off call. A radiologist
 * with several covering shifts (overlapping rotas) is one row with every shift; one on call
 * holding nothing still shows, with zero: the head sees who is free.
 */
export function onCallLoads(shifts: readonly CoveringShift[], loads: readonly RadiologistLoad[]): { onCall: OnCallRadiologist[]; offCallHolders: RadiologistLoad[] } {
  const loadOf = new Map(loads.map((load) => [load.radiologist.id, load]));
  const onCall = new Map<string, OnCallRadiologist>();
  for (const { radiologist, ...shift } of shifts) {
    const row = onCall.get(radiologist.id);
    if (row) {
      row.shifts.push(shift);
      continue;
    }
    const load = loadOf.get(radiologist.id);
    onCall.set(radiologist.id, { radiologist, shifts: [shift], held: load?.held ?? 0, inReading: load?.inReading ?? 0 });
  }
  const rows = [...onCall.values()];
  for (const row of rows) row.shifts.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.endsAt.getTime() - b.endsAt.getTime());
  rows.sort((a, b) => bestRole(a) - bestRole(b) || byName(a, b));
  const offCallHolders = loads.filter((load) => load.held > 0 && !onCall.has(load.radiologist.id)).sort((a, b) => b.held - a.held || byName(a, b));
  return { onCall: rows, offCallHolders };
}

function bestRole(row: OnCallRadiologist): number {
  return Math.min(...row.shifts.map((shift) => ROLE_ORDER[shift.role]));
}

function byName(a: RadiologistLoad, b: RadiologistLoad): number {
  return a.radiologist.name.localeCompare(b.radiologist.name, "fr") || a.radiologist.id.localeCompare(b.radiologist.id);
}

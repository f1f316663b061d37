import type { ShiftRole, Subspecialty } from "@/lib/domain/enums";
import { createShiftSchema, updateShiftSchema, type CreateShift, type UpdateShift } from "@/lib/domain/rota/rota-schemas";
import { addDays, instantToLocalDateTime, parseLocalDate, weekdayOf } from "@/lib/domain/rota/wall-clock";
import type { ShiftDto } from "@/lib/server/services/rota/shift-dto";

// The shift form's state, and its translation into the procedures' inputs with the same
// schemas the server applies (errors keyed by field path, messages are catalogue keys).

export interface ShiftFormState {
  radiologistId: string;
  start: string;
  end: string;
  groupId: string;
  siteIds: string[];
  role: ShiftRole;
  subspecialties: Subspecialty[];
  repeat: boolean;
  intervalWeeks: number;
  weekdays: number[];
  until: string;
}

export function emptyShiftForm(today: string): ShiftFormState {
  const start = `${today}T08:00`;
  return {
    radiologistId: "",
    start,
    end: `${addDays(today, 1)}T08:00`,
    groupId: "",
    siteIds: [],
    role: "PRIMARY",
    subspecialties: [],
    repeat: false,
    intervalWeeks: 1,
    weekdays: [weekdayOf(today)],
    until: addDays(today, 56),
  };
}

export function shiftFormFrom(shift: ShiftDto): ShiftFormState {
  const start = instantToLocalDateTime(shift.startsAt);
  return {
    radiologistId: shift.radiologistId,
    start,
    end: instantToLocalDateTime(shift.endsAt),
    groupId: "",
    siteIds: shift.sites.map((site) => site.id),
    role: shift.role,
    subspecialties: [...shift.subspecialties],
    repeat: false,
    intervalWeeks: 1,
    weekdays: [weekdayOf(start.slice(0, 10))],
    until: start.slice(0, 10),
  };
}

/** Turning repetition on starts from the start's weekday, until eight weeks later. */
export function repeatPatch(state: ShiftFormState, repeat: boolean): Partial<ShiftFormState> {
  const day = state.start.slice(0, 10);
  if (!repeat || parseLocalDate(day) === null) return { repeat };
  return { repeat, weekdays: [weekdayOf(day)], until: addDays(day, 56) };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

function errorsOf(issues: readonly { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path.map(String).join(".")] ??= issue.message;
  return errors;
}

const common = (state: ShiftFormState) => ({
  radiologistId: state.radiologistId,
  start: state.start,
  end: state.end,
  siteIds: state.siteIds,
  role: state.role,
  subspecialties: state.subspecialties,
});

export function toCreateInput(state: ShiftFormState): Parsed<CreateShift> {
  const recurrence = state.repeat ? { intervalWeeks: state.intervalWeeks, weekdays: state.weekdays, until: state.until } : undefined;
  const result = createShiftSchema.safeParse({ ...common(state), recurrence });
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: errorsOf(result.error.issues) };
}

export function toUpdateInput(shiftId: string, state: ShiftFormState): Parsed<UpdateShift> {
  const result = updateShiftSchema.safeParse({ shiftId, ...common(state) });
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: errorsOf(result.error.issues) };
}

import { MODALITIES, PRIORITIES, REQUEST_TYPES } from "../enums";
import type { BreakdownDimension } from "./dashboard-schemas";
import type { TurnaroundColumns } from "./turnaround-columns";

// The group a row falls in for a breakdown, as a small integer, and back to the key the API
// shows: ids for sites and radiologists ("none" for a request nobody signed), enum values,
// hours "0".."23" and weekdays "0" (Monday).."6".

export interface GroupKeys {
  count: number;
  of: (c: TurnaroundColumns, i: number) => number;
  /** The same as `of`, for tight loops: the group is `via ? via[column[i]] : column[i]`. */
  column: (c: TurnaroundColumns) => ArrayLike<number>;
  via: Uint8Array | null;
  key: (group: number) => string;
  /** The group code of an API key, or undefined when no row can have it. */
  parse: (key: string) => number | undefined;
}

// Hours and weekdays are read through the hour of the week (0 = Monday 00:00 ... 167).
const HOUR_OF = Uint8Array.from({ length: 168 }, (_, cell) => cell % 24);
const WEEKDAY_OF = Uint8Array.from({ length: 168 }, (_, cell) => Math.floor(cell / 24));

const numeric = (count: number, via: Uint8Array): GroupKeys => ({
  count,
  of: (c, i) => via[c.hourOfWeek[i]!]!,
  column: (c) => c.hourOfWeek,
  via,
  key: (group) => String(group),
  parse: (key) => (/^\d+$/.test(key) && Number(key) < count ? Number(key) : undefined),
});

const enumerated = (values: readonly string[], column: GroupKeys["column"]): GroupKeys => ({
  count: values.length,
  of: (c, i) => column(c)[i]!,
  column,
  via: null,
  key: (group) => values[group]!,
  parse: (key) => {
    const index = values.indexOf(key);
    return index < 0 ? undefined : index;
  },
});

export function groupKeys(columns: TurnaroundColumns, dimension: BreakdownDimension): GroupKeys {
  switch (dimension) {
    case "site":
      return {
        count: columns.sites.values.length,
        of: (c, i) => c.site[i]!,
        column: (c) => c.site,
        via: null,
        key: (group) => columns.sites.values[group] ?? "none",
        parse: (key) => columns.sites.find(key),
      };
    case "radiologist":
      return {
        count: columns.radiologists.values.length,
        of: (c, i) => c.radiologist[i]!,
        column: (c) => c.radiologist,
        via: null,
        key: (group) => columns.radiologists.values[group] ?? "none",
        parse: (key) => (key === "none" ? 0 : columns.radiologists.find(key)),
      };
    case "priority":
      return enumerated(PRIORITIES, (c) => c.priority);
    case "type":
      return enumerated(REQUEST_TYPES, (c) => c.type);
    case "modality":
      return enumerated(MODALITIES, (c) => c.modality);
    case "hour":
      return numeric(24, HOUR_OF);
    case "weekday":
      return numeric(7, WEEKDAY_OF);
    default: {
      const unreachable: never = dimension;
      return unreachable;
    }
  }
}

import { MODALITIES, PRIORITIES, REQUEST_TYPES } from "../enums";
import type { BreakdownDimension } from "./dashboard-schemas";
import type { TurnaroundColumns } from "./turnaround-columns";

// The group a row falls in for a breakdown, as a small integer, and back to the key the API
// shows: ids for sites and radiologists ("none" for a request nobody signed), enum values,
// hours "0".."23" and weekdays "0" (Monday).."6".

export interface GroupKeys {
  count: number;
  of: (c: TurnaroundColumns, i: number) => number;
  key: (group: number) => string;
  /** The group code of an API key, or undefined when no row can have it. */
  parse: (key: string) => number | undefined;
}

const numeric = (count: number, of: GroupKeys["of"]): GroupKeys => ({
  count,
  of,
  key: (group) => String(group),
  parse: (key) => (/^\d+$/.test(key) && Number(key) < count ? Number(key) : undefined),
});

const enumerated = (values: readonly string[], of: GroupKeys["of"]): GroupKeys => ({
  count: values.length,
  of,
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
        key: (group) => columns.sites.values[group] ?? "none",
        parse: (key) => columns.sites.find(key),
      };
    case "radiologist":
      return {
        count: columns.radiologists.values.length,
        of: (c, i) => c.radiologist[i]!,
        key: (group) => columns.radiologists.values[group] ?? "none",
        parse: (key) => (key === "none" ? 0 : columns.radiologists.find(key)),
      };
    case "priority":
      return enumerated(PRIORITIES, (c, i) => c.priority[i]!);
    case "type":
      return enumerated(REQUEST_TYPES, (c, i) => c.type[i]!);
    case "modality":
      return enumerated(MODALITIES, (c, i) => c.modality[i]!);
    case "hour":
      return numeric(24, (c, i) => c.hourOfWeek[i]! % 24);
    case "weekday":
      return numeric(7, (c, i) => Math.floor(c.hourOfWeek[i]! / 24));
    default: {
      const unreachable: never = dimension;
      return unreachable;
    }
  }
}

import { dayString } from "./territory-time";

// The time axis of the trend: days for a period up to 45 days, weeks (Monday to Sunday) up to
// 200 days, months beyond, so that a chart has between a handful and ~60 points.

export type TrendGrain = "day" | "week" | "month";

export interface TrendBuckets {
  grain: TrendGrain;
  /** Bucket of each day of the period (index: day - fromDay). */
  ofDay: Int32Array;
  /** First day of each bucket, "YYYY-MM-DD" (clipped to the period). */
  starts: string[];
}

export function trendBuckets(fromDay: number, toDay: number): TrendBuckets {
  const days = toDay - fromDay + 1;
  const grain: TrendGrain = days <= 45 ? "day" : days <= 200 ? "week" : "month";
  const ofDay = new Int32Array(Math.max(days, 0));
  const starts: string[] = [];
  let previousKey = "";
  for (let offset = 0; offset < days; offset += 1) {
    const day = fromDay + offset;
    const date = dayString(day);
    // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
    const key = grain === "day" ? date : grain === "week" ? dayString(day - ((day + 3) % 7)) : date.slice(0, 7);
    if (key !== previousKey) {
      starts.push(date);
      previousKey = key;
    }
    ofDay[offset] = starts.length - 1;
  }
  return { grain, ofDay, starts };
}

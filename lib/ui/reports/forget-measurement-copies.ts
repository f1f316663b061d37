// Measurements sent to a report used to wait in the tab's sessionStorage under this prefix.
// They live on the server now (and end there at sign-out); a tab still holding the old copies
// drops them at sign-out, so nothing of a patient is left in the browser.
const LEGACY_PREFIX = "teleradio:report-measurements:";

export function forgetMeasurementCopies(): void {
  if (typeof sessionStorage === "undefined") return;
  const doomed: string[] = [];
  for (let index = 0; index < sessionStorage.length; index++) {
    const key = sessionStorage.key(index);
    if (key?.startsWith(LEGACY_PREFIX)) doomed.push(key);
  }
  for (const key of doomed) sessionStorage.removeItem(key);
}

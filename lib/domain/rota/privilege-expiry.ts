import { parseLocalDate, startOfLocalDay } from "./wall-clock";

/**
 * Whether a privilege expiring on `expiresOn` ("YYYY-MM-DD") would already have stopped at
 * `now`: it stops at 00:00 (Paris) that day, so today's date is already past too. Granting it
 * would look like a right given while giving none, which is what the administrator must be
 * told before saving.
 */
export function isExpiryPast(expiresOn: string, now: Date): boolean {
  if (parseLocalDate(expiresOn) === null) return false;
  return startOfLocalDay(expiresOn).getTime() <= now.getTime();
}

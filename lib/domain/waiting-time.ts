/** Compact waiting time for the worklist: "45 s", "12 min", "3 h 05", "2 j 04 h". */
export function formatWaitingTime(elapsedMs: number, dayUnit = "j"): string {
  const seconds = Math.max(0, Math.floor(elapsedMs / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, "0")}`;
  const days = Math.floor(hours / 24);
  return `${days} ${dayUnit} ${String(hours % 24).padStart(2, "0")} h`;
}

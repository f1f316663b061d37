// Memory and CPU of other processes, read from Linux's /proc (the bench holds the server's
// pid; the embedded PostgreSQL runs as the server's descendants).
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat times: 100 on every Linux we run on. */
const CLOCK_TICKS = 100;

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null; // the process exited between listing and reading
  }
}

/** A `Name: <n> kB` line of /proc/<pid>/status, in bytes (VmRSS now, VmHWM = peak RSS). */
export function statusBytes(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readOrNull(`/proc/${pid}/status`);
  const match = status?.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  return match?.[1] ? Number(match[1]) * 1024 : 0;
}

interface Stat {
  ppid: number;
  /** user + system CPU time, seconds */
  cpuSeconds: number;
}

function readStat(pid: number): Stat | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) may contain spaces: parse after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the name: state(0) ppid(1) ... utime(11) stime(12)
  return { ppid: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS };
}

export function cpuSeconds(pid: number): number {
  return readStat(pid)?.cpuSeconds ?? 0;
}

/** Every live descendant of `root` (children, grandchildren...). */
export function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) parentOf.set(Number(entry), stat.ppid);
  }
  const found: number[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const parent = frontier.pop();
    for (const [pid, ppid] of parentOf) {
      if (ppid === parent) {
        found.push(pid);
        frontier.push(pid);
      }
    }
  }
  return found;
}

/** The process's executable name (/proc/<pid>/comm), e.g. "postgres". */
export function commandName(pid: number): string {
  return readOrNull(`/proc/${pid}/comm`)?.trim() ?? "";
}

/**
 * Sum of the RSS of a group of processes. For PostgreSQL this over-counts: every backend's
 * RSS includes the shared buffers it touched, so it is an upper bound of what it costs.
 */
export function totalRssBytes(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + statusBytes(pid, "VmRSS"), 0);
}

export function totalCpuSeconds(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
}

/** CPU seconds of a process's children that have exited and been waited for (e.g. storescu). */
export function reapedChildrenCpuSeconds(pid: number): number {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the name: ... utime(11) stime(12) cutime(13) cstime(14)
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

/**
 * CPU seconds of the whole machine, all cores, from the `cpu` line of /proc/stat: `busy` is what
 * this machine's processes and kernel used; `steal` what the hypervisor gave other guests while
 * this one wanted to run (a noisy neighbour: every figure measured meanwhile is slower).
 */
export function machineCpuSeconds(): { busy: number; steal: number } {
  const line = readOrNull("/proc/stat")?.split("\n").find((l) => l.startsWith("cpu "));
  if (!line) return { busy: 0, steal: 0 };
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  return { busy: (user + nice + system + irq + softirq) / CLOCK_TICKS, steal: steal / CLOCK_TICKS };
}

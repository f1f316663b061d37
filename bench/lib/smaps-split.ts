// Where a process's resident memory is, by mapping (/proc/<pid>/smaps): the node executable's
// code, other files (shared libraries, native addons), the main malloc heap (brk) and
// anonymous memory (V8's heaps, the other malloc arenas, WebAssembly memories, thread stacks).
import { readFileSync, realpathSync } from "node:fs";

export interface SmapsSplit {
  rss: number;
  nodeBinary: number;
  otherFiles: number;
  brkHeap: number;
  anonymous: number;
}

const HEADER = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/;

export function smapsSplit(pid: number): SmapsSplit {
  const executable = realpathSync(`/proc/${pid}/exe`);
  const split: SmapsSplit = { rss: 0, nodeBinary: 0, otherFiles: 0, brkHeap: 0, anonymous: 0 };
  let kind: Exclude<keyof SmapsSplit, "rss"> = "anonymous";
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const header = HEADER.exec(line);
    if (header) {
      const name = header[1] ?? "";
      kind = name === executable ? "nodeBinary" : name === "[heap]" ? "brkHeap" : name.startsWith("/") ? "otherFiles" : "anonymous";
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss?.[1]) {
      const bytes = Number(rss[1]) * 1024;
      split[kind] += bytes;
      split.rss += bytes;
    }
  }
  return split;
}

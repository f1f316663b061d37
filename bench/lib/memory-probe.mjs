// Preloaded into the server by the start bench (NODE_OPTIONS=--import): at SIGUSR2 it prints
// the process's memory as V8 and Node account for it, one JSON line on stderr. The kernel's view
// (/proc/<pid>/smaps) is read from outside; this gives the part of it that is JavaScript.
import path from "node:path";
import { getHeapSpaceStatistics, writeHeapSnapshot } from "node:v8";

process.on("SIGUSR2", () => {
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.physical_space_size]));
  process.stderr.write(`[memory-probe] ${JSON.stringify({ ...usage, spaces })}\n`);
  // To see what the heap holds (open it in Chrome DevTools' Memory tab).
  const directory = process.env.BENCH_HEAP_SNAPSHOT_DIR;
  if (directory) writeHeapSnapshot(path.join(directory, `server-${process.pid}-${Date.now()}.heapsnapshot`));
});

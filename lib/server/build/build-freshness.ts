// Whether the production build on disk serves the sources beside it: `npm start` builds when it
// does not (lib/cli/start.ts), the start bench refuses to time a start that would build.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { WORKER_NAMES } from "../worker-entries";
import { SERVER_BUNDLE, WORKERS_OUTDIR } from "./server-bundle";

const SOURCE_DIRS = ["app", "lib", "public", "prisma"];
const BUILD_ID = ".next/BUILD_ID";

// About 1,600 entries: tens of ms at each start, against serving stale code after an update.
function newestSourceMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestSourceMtime(full) : statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/** Why the build must be made again (run from the project root), or null when it is current. */
export function staleBuildReason(): string | null {
  const built = [BUILD_ID, SERVER_BUNDLE, ...WORKER_NAMES.map((name) => path.join(WORKERS_OUTDIR, `${name}.cjs`))];
  const missing = built.find((file) => !existsSync(file));
  if (missing) return `${missing} is missing`;
  const buildTime = statSync(BUILD_ID).mtimeMs;
  const changed = SOURCE_DIRS.find((dir) => newestSourceMtime(dir) > buildTime);
  return changed ? `${changed}/ changed since the build` : null;
}

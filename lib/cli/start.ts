// `npm start`: builds the production bundle when it is missing or older than the sources,
// then runs the compiled server (Next + socket.io + embedded PostgreSQL when DATABASE_URL is unset).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { SERVE_ARGS, SERVE_ENV } from "@/lib/server/build/serve-command";
import { SERVER_BUNDLE } from "@/lib/server/build/server-bundle";

const SOURCE_DIRS = ["app", "lib", "public", "prisma"];
const BUILD_ID = path.resolve(".next/BUILD_ID");

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

function needsBuild(): boolean {
  if (!existsSync(BUILD_ID) || !existsSync(SERVER_BUNDLE)) return true;
  const built = statSync(BUILD_ID).mtimeMs;
  return SOURCE_DIRS.some((dir) => newestSourceMtime(dir) > built);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (needsBuild()) {
  console.log("[teleradio] building the production bundle (first start or sources changed)...");
  run("npm", ["run", "build"]);
}
// The compiled server (lib/server/build/server-bundle.ts), made by the same `npm run build`,
// started as `npm run serve` starts it.
run(process.execPath, [...SERVE_ARGS], { ...process.env, ...SERVE_ENV });

// `npm start`'s first step: builds the production bundle when it is missing or older than the
// sources, then exits. package.json's script then replaces its shell with the compiled server
// (`exec`, serve-command.ts): no tsx process stays beside the server holding tens of MB for its
// whole life, and signals reach the server itself.
import { spawnSync } from "node:child_process";
import { staleBuildReason } from "@/lib/server/build/build-freshness";

const reason = staleBuildReason();
if (reason) {
  console.log(`[teleradio] building the production bundle (${reason})...`);
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

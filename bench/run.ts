// `npm run bench -- <name> [options]`: runs one benchmark by name. The npm script runs this
// under tsx with lib/server/register-server-only.mjs, because benchmarks create their data
// with the server's own modules (Prisma client, factories), which import "server-only".
import { runDashboardBench } from "./dashboard";
import { runDicomBench } from "./dicom";
import { runFaultsBench } from "./faults";
import { runRealtimeBench } from "./realtime";
import { runStartBench } from "./start";
import { runViewerBench } from "./viewer";

const BENCHES: Record<string, (argv: string[]) => Promise<void>> = {
  realtime: runRealtimeBench,
  dicom: runDicomBench,
  viewer: runViewerBench,
  dashboard: runDashboardBench,
  faults: runFaultsBench,
  start: runStartBench,
};

async function main(): Promise<void> {
  const [name, ...argv] = process.argv.slice(2);
  const bench = name ? BENCHES[name] : undefined;
  if (!bench) {
    console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join("|")}> [options]`);
    process.exit(2);
  }
  await bench(argv);
}

main().then(
  // Open handles of client libraries must not keep a finished bench alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error("[bench] failed:", error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);

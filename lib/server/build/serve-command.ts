// How production runs the compiled server: `npm run serve` (package.json), `npm start`
// (lib/cli/start.ts, then this command) and the benches (bench/lib/server-process.ts) all start it so.
// serve-command.test.ts checks that package.json's script says the same.
import { SERVER_BUNDLE } from "./server-bundle";

/**
 * glibc gives each thread that allocates (libuv's file and crypto pool, the parse and render
 * workers, Prisma's and pg's callbacks) an arena of its own, up to 8 per core, and returns
 * little of it: tens of MB of resident memory that the V8 heap does not account for. Two arenas
 * are enough for a server whose JavaScript runs on one thread.
 * glibc also raises its mmap threshold to the largest block freed (up to 32 MiB): after the first
 * DICOM files (0.5 MiB and more each) every such buffer comes from the heap, whose freed holes
 * stay resident. A fixed threshold (glibc's initial 128 KiB) keeps large buffers in mappings of
 * their own, returned to the system when freed. Measured: main heap 91 → 34 MiB after the demo
 * seed's ingest (docs/benchmarks.md, start bench).
 */
export const SERVE_ENV = { NODE_ENV: "production", MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072" } as const;

/** Node's own options for the server (none beyond the defaults today). */
export const SERVE_NODE_OPTIONS: readonly string[] = [];

export const SERVE_ARGS: readonly string[] = [...SERVE_NODE_OPTIONS, SERVER_BUNDLE];

const ENV_ASSIGNMENTS = Object.entries(SERVE_ENV).map(([name, value]) => `${name}=${value}`);

/** The shell command of package.json's `serve` script. */
export function serveScript(): string {
  return [...ENV_ASSIGNMENTS, "node", ...SERVE_ARGS].join(" ");
}

/**
 * package.json's `start` script: build if needed (lib/cli/start.ts), then the shell becomes the
 * server (`exec`), so that no wrapper process holds memory beside it for its whole life.
 */
export function startScript(): string {
  return `tsx lib/cli/start.ts && ${[...ENV_ASSIGNMENTS, "exec", "node", ...SERVE_ARGS].join(" ")}`;
}

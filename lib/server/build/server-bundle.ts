// The custom server (lib/server/main.ts) compiled into one JavaScript file, so that production
// runs plain `node` instead of TypeScript through tsx. tsx keeps a module-loader thread (a V8
// isolate of its own) and esbuild's service for the process' life and compiles every server
// module at each start: tens of MB of resident memory for code that does not change between
// builds. Packages stay in node_modules (Next, Prisma's runtime, dcmjs... load as they do from
// source); our own modules, the generated Prisma client included, are bundled. `server-only`
// is the empty module here, as lib/server/server-only-loader.mjs makes it for tsx.
// The worker threads (lib/server/worker-entries.ts) are built at the same time, beside it: the
// server loads their files and never compiles anything at run time.
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions, type Plugin } from "esbuild";
import { WORKER_ENTRIES, WORKER_NAMES, workerBuildOptions } from "../worker-entries";
import { WORKERS_DIRECTORY } from "./worker-paths";

/** Beside Next's build, which it serves: built and removed with it. */
export const SERVER_BUNDLE = ".next/teleradio-server.mjs";

/** The workers' files: built-worker-file.ts finds them from the bundle's own location. */
export const WORKERS_OUTDIR = path.join(path.dirname(SERVER_BUNDLE), WORKERS_DIRECTORY);

const serverOnlyIsEmpty: Plugin = {
  name: "server-only-is-empty",
  setup(builder) {
    builder.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    builder.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

const SOURCE_WORKER_FILE = fileURLToPath(new URL("../worker-file.ts", import.meta.url));
const BUILT_WORKER_FILE = fileURLToPath(new URL("./built-worker-file.ts", import.meta.url));

/** worker-file.ts (which builds workers with esbuild) becomes built-worker-file.ts (which loads the built ones). */
const builtWorkers: Plugin = {
  name: "built-workers",
  setup(builder) {
    builder.onResolve({ filter: /(^|\/)worker-file$/ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path);
      return target === SOURCE_WORKER_FILE.replace(/\.ts$/, "") ? { path: BUILT_WORKER_FILE } : undefined;
    });
  },
};

/** esbuild's options for the server bundle (exported for the test that checks what it imports). */
export function serverBundleOptions(): BuildOptions {
  return {
    entryPoints: ["lib/server/main.ts"],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    plugins: [serverOnlyIsEmpty, builtWorkers],
    // Bundled CommonJS code (if any) calls require: the ES module gets one.
    banner: { js: 'import { createRequire as __teleradioRequire } from "node:module"; const require = __teleradioRequire(import.meta.url);' },
    legalComments: "none",
    logLevel: "warning",
  };
}

export async function buildServerBundle(): Promise<string> {
  // A worker removed from the list leaves no file behind.
  rmSync(WORKERS_OUTDIR, { recursive: true, force: true });
  await Promise.all([
    build(serverBundleOptions()),
    ...WORKER_NAMES.map((name) =>
      build({ ...workerBuildOptions(name), logLevel: "warning", entryPoints: [fileURLToPath(WORKER_ENTRIES[name].source)], outfile: path.join(WORKERS_OUTDIR, `${name}.cjs`) }),
    ),
  ]);
  return SERVER_BUNDLE;
}

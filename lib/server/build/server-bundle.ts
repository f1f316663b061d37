// The custom server (lib/server/main.ts) compiled into one JavaScript file, so that production
// runs plain `node` instead of TypeScript through tsx. tsx keeps a module-loader thread (a V8
// isolate of its own) and esbuild's service for the process' life and compiles every server
// module at each start: tens of MB of resident memory for code that does not change between
// builds. Packages stay in node_modules (Next, Prisma's runtime, dcmjs... load as they do from
// source); our own modules, the generated Prisma client included, are bundled. `server-only`
// is the empty module here, as lib/server/server-only-loader.mjs makes it for tsx.
import { build, type Plugin } from "esbuild";

/** Beside Next's build, which it serves: built and removed with it. */
export const SERVER_BUNDLE = ".next/teleradio-server.mjs";

const serverOnlyIsEmpty: Plugin = {
  name: "server-only-is-empty",
  setup(builder) {
    builder.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    builder.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

export async function buildServerBundle(): Promise<string> {
  await build({
    entryPoints: ["lib/server/main.ts"],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    plugins: [serverOnlyIsEmpty],
    // Bundled CommonJS code (if any) calls require: the ES module gets one.
    banner: { js: 'import { createRequire as __teleradioRequire } from "node:module"; const require = __teleradioRequire(import.meta.url);' },
    legalComments: "none",
    logLevel: "warning",
  });
  return SERVER_BUNDLE;
}

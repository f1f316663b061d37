import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname);

const shared = {
  resolve: {
    alias: {
      "@": root,
      // Tests import server modules directly; the marker only matters to Next's bundler.
      "server-only": path.join(root, "lib/testing/empty-module.ts"),
    },
  },
};

export default defineConfig({
  test: {
    reporters: process.env.VITEST_JSON ? ["default", ["json", { outputFile: process.env.VITEST_JSON }]] : ["default"],
    projects: [
      {
        ...shared,
        test: { name: "unit", sequence: { groupOrder: 0 }, include: ["lib/**/*.test.ts"], exclude: ["**/*.int.test.ts", "node_modules/**"] },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts"],
          globalSetup: ["lib/testing/integration-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two cores: the database is the contended resource, not the test runner.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

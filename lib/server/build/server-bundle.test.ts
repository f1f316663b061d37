import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { serverBundleOptions } from "./server-bundle";

describe("the production server bundle", () => {
  it("never loads esbuild nor compiles a worker at run time: the workers come from `npm run build`", async () => {
    const result = await build({ ...serverBundleOptions(), write: false, metafile: true, logLevel: "silent" });
    const inputs = Object.keys(result.metafile.inputs);
    const [output] = Object.values(result.metafile.outputs);
    const packages = output!.imports.filter((entry) => entry.external).map((entry) => entry.path);

    expect(inputs).toContain("lib/server/build/built-worker-file.ts");
    expect(inputs).not.toContain("lib/server/worker-bundle.ts");
    expect(inputs).not.toContain("lib/server/worker-file.ts");
    // Not even through a package: neither the compiler nor tsx, which loads it.
    expect(packages.filter((name) => /^(esbuild|tsx)(\/|$)/.test(name))).toEqual([]);
    // The bundle's own import of a package is what loads it: the list is not empty by mistake.
    expect(packages).toContain("next");
  }, 60_000);
});

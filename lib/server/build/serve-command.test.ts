import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { serveScript, startScript } from "./serve-command";

describe("the production server's command", () => {
  it("is the same in `npm run serve` as in `npm start` and the benches (they share serve-command.ts)", () => {
    const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.serve).toBe(serveScript());
    expect(scripts.start).toBe(startScript());
  });
});

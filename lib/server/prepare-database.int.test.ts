import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./db/embedded-postgres";
import { EMBEDDED_RUNTIME_ROLE, roleOfUrl, roleStanding } from "./db/runtime-role";
import { parseEnv } from "./env";
import { prepareDatabase, resolveAuthSecret } from "./prepare-database";

// npm start's database step on a data directory made before the run-time role existed: a
// cluster whose password file has only the superuser's password, files readable by all. The
// next start must create the role, keep its password beside the other, and close the files.
// A cluster of its own (its roles are cluster-wide, unlike the shared test database's rows).

const dataDir = mkdtempSync(path.join(tmpdir(), "teleradio-upgrade-"));
const port = 58200 + Math.floor(Math.random() * 1500);
const mode = (file: string) => statSync(file).mode & 0o777;
const settingsFile = path.join(dataDir, "pg-settings.json");
const log: string[] = [];

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function asSuperuser(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url.replace(/\/teleradio$/, "/postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("starting on a data directory from before the run-time role", () => {
  it("creates the role, connects the server as it, and closes the secrets files", async () => {
    const old = await startEmbeddedPostgres({ dataDir, port, database: "teleradio" });
    await asSuperuser(old.url, `DROP ROLE ${EMBEDDED_RUNTIME_ROLE}`);
    await old.stop();
    const { password } = JSON.parse(readFileSync(settingsFile, "utf8")) as { password: string };
    writeFileSync(settingsFile, JSON.stringify({ password }));
    chmodSync(settingsFile, 0o644);
    writeFileSync(path.join(dataDir, "auth-secret"), "s".repeat(40));
    chmodSync(path.join(dataDir, "auth-secret"), 0o644);
    chmodSync(dataDir, 0o755);

    const env = parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) });
    for (const start of ["upgrade", "next start"]) {
      const prepared = await prepareDatabase(env, (line) => log.push(line));
      try {
        expect(roleOfUrl(prepared.url), start).toBe(EMBEDDED_RUNTIME_ROLE);
        expect(await roleStanding(prepared.url)).toEqual({ name: EMBEDDED_RUNTIME_ROLE, superuser: false, ownsTables: false });
        const app = new pg.Client({ connectionString: prepared.url });
        await app.connect();
        await expect(app.query(`SELECT count(*) FROM "User"`)).resolves.toBeDefined();
        await app.end();
      } finally {
        await prepared.stop();
      }
    }
    expect(log.join("\n")).not.toMatch(/WARNING/);
    expect(JSON.parse(readFileSync(settingsFile, "utf8"))).toMatchObject({ password, appPassword: expect.any(String) });
    expect(mode(settingsFile)).toBe(0o600);
    expect(resolveAuthSecret(env, true)).toBe("s".repeat(40));
    expect(mode(path.join(dataDir, "auth-secret"))).toBe(0o600);
    expect(mode(dataDir)).toBe(process.getuid?.() === 0 ? 0o711 : 0o700);
  });
});

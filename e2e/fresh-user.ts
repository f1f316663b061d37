import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { DEMO_PASSWORD } from "../prisma/demo-territory";

// A user of the spec's own, so that enrolling a second factor changes no demo account that
// other specs sign in with. It is a copy of a demo account (role, site, reading privileges,
// password), written straight into the database of the server Playwright started.

const PORT = Number(process.env.E2E_PORT ?? 3100);

export function databaseUrl(): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  const { password } = JSON.parse(readFileSync(path.join(dataDir, "pg-settings.json"), "utf8")) as { password: string };
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${PORT + 51000}/teleradio`;
}

export interface FreshUser {
  id: string;
  email: string;
  password: string;
  name: string;
}

export async function freshUserLike(templateEmail: string, prefix: string): Promise<FreshUser> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const tag = randomBytes(3).toString("hex");
    const email = `${prefix.toLowerCase()}.${tag}@e2e.teleradio.fr`;
    const name = `Dr ${prefix} ${tag.toUpperCase()}`;
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO "User" ("id", "email", "displayName", "role", "siteId", "passwordHash", "active")
       SELECT gen_random_uuid(), $1, $2, "role", "siteId", "passwordHash", true FROM "User" WHERE "email" = $3
       RETURNING "id"`,
      [email, name, templateEmail],
    );
    const id = inserted.rows[0]?.id;
    if (!id) throw new Error(`no demo account ${templateEmail}`);
    await client.query(
      `INSERT INTO "ReadingPrivilege" ("id", "userId", "siteId", "expiresAt")
       SELECT gen_random_uuid(), $1, p."siteId", p."expiresAt" FROM "ReadingPrivilege" p JOIN "User" u ON u."id" = p."userId" WHERE u."email" = $2`,
      [id, templateEmail],
    );
    return { id, email, password: DEMO_PASSWORD, name };
  } finally {
    await client.end();
  }
}

import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import hl7 from "simple-hl7";
import { DEMO_PASSWORD } from "../prisma/demo-territory";
import { omiMessage, ormMessage } from "../lib/server/hl7/hl7-test-kit";
import { shootWhenAsked, signedInPage } from "./pages";

// An order from a site's RIS over HL7 (MLLP, the server's HL7 port), then its post-exam
// information, as the referrer of that site sees them on the request page. The spec's own site,
// referrer and RIS interface: no demo site gets requests it did not have.

const PORT = Number(process.env.E2E_PORT ?? 3100);

function databaseUrl(): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  const { password } = JSON.parse(readFileSync(path.join(dataDir, "pg-settings.json"), "utf8")) as { password: string };
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${PORT + 51000}/teleradio`;
}

async function send(message: string): Promise<string> {
  const client = hl7.Server.createTcpClient({ host: "127.0.0.1", port: PORT + 12000, keepalive: false });
  return new Promise((resolve, reject) => client.send(message, (error, ack) => (error ? reject(error) : resolve(ack.getSegment("MSA")?.getField(1) ?? ""))));
}

test("an order sent by the site's RIS shows its items and, later, the exam performed", async ({ browser }) => {
  const tag = randomBytes(3).toString("hex").toUpperCase();
  const sender = { sendingApplication: `RIS_E2E_${tag}`, sendingFacility: `FAC_E2E_${tag}` };
  const placer = `OPN${tag}`;
  const email = `ris.referrer.${tag.toLowerCase()}@e2e.teleradio.fr`;
  const db = new pg.Client({ connectionString: databaseUrl() });
  await db.connect();
  try {
    const site = await db.query<{ id: string }>(`INSERT INTO "Site" ("id", "code", "name") VALUES (gen_random_uuid(), $1, $2) RETURNING "id"`, [`E2E${tag}`, `Hôpital RIS ${tag}`]);
    const siteId = site.rows[0]!.id;
    await db.query(
      `INSERT INTO "User" ("id", "email", "displayName", "role", "siteId", "passwordHash", "active")
       SELECT gen_random_uuid(), $1, $2, 'REFERRER', $3, "passwordHash", true FROM "User" WHERE "email" = 'urgences.sal@demo.teleradio.fr'`,
      [email, `Dr RIS ${tag}`, siteId],
    );
    const service = await db.query<{ id: string }>(
      `INSERT INTO "User" ("id", "email", "displayName", "role", "siteId", "active") VALUES (gen_random_uuid(), $1, $2, 'REFERRER', $3, false) RETURNING "id"`,
      [`ris.${tag.toLowerCase()}@interfaces.teleradio.invalid`, `RIS ${tag}`, siteId],
    );
    await db.query(
      `INSERT INTO "RisInterface" ("id", "siteId", "label", "sendingApplication", "sendingFacility", "allowedNetworks", "serviceUserId")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, ARRAY['127.0.0.0/8', '::1']::varchar(49)[], $5)`,
      [siteId, `RIS ${tag}`, sender.sendingApplication, sender.sendingFacility, service.rows[0]!.id],
    );
  } finally {
    await db.end();
  }

  expect(await send(ormMessage({ sender, placer, priority: "A", extraObx: ["OBX|8|TX|CONTRE_INDICATION^Contre-indication^TLR_PLATEFORME||Pacemaker IRM-compatible||||||O", "OBX|9|TX|RESULTATS_ANTERIEURS^Résultats antérieurs^TLR_PLATEFORME||Scanner du 12/11 normal||||||O", "OBX|10|TX|DELAI_SOUHAITE^Délai souhaité^TLR_PLATEFORME||Dans l'heure||||||O"] }))).toBe("AA");

  const reader = new pg.Client({ connectionString: databaseUrl() });
  await reader.connect();
  const requestId = (await reader.query<{ id: string }>(`SELECT "id" FROM "ReadingRequest" WHERE "placerOrderNumber" = $1`, [placer]).finally(() => reader.end())).rows[0]!.id;
  const page = await signedInPage(browser, { email, password: DEMO_PASSWORD, name: `Dr RIS ${tag}` });
  await page.goto(`/requests/${requestId}`);
  const order = page.getByTestId("ris-order-details");
  await expect(order).toContainText("RIS du site (HL7)");
  await expect(order).toContainText("Adam HODA (RPPS 01234567897)");
  await expect(order).toContainText("Pacemaker IRM-compatible");
  await expect(order).toContainText("Dans l'heure");
  await expect(page.getByTestId("post-exam")).toHaveCount(0);

  expect(await send(omiMessage({ sender, placer }))).toBe("AA");
  await page.reload();
  const postExam = page.getByTestId("post-exam");
  await expect(postExam).toContainText("Examen réalisé");
  await expect(postExam).toContainText("résonance magnétique cerveau");
  await expect(postExam).toContainText("0 mGy.cm");
  await shootWhenAsked(page, "hl7-order-request-page");
});

import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import hl7 from "simple-hl7";
import { DEMO_PASSWORD } from "../prisma/demo-territory";
import { ormMessage } from "../lib/server/hl7/hl7-test-kit";
import { expectNoSeriousViolations } from "./axe";
import { accounts } from "./demo-accounts";
import { shootWhenAsked, signedInPage } from "./pages";
import { expect, test } from "./test";

// The signed report to the site's PACS, as people see it: the administrator registers the
// site's PACS in /admin (mistakes named at their field, formats included); the request page
// shows what was stored and what failed; the operations board lists the failure with "Renvoyer".
// The spec's own site, request and destinations (AE titles fresh per run, left deactivated or
// on the spec's site): no demo site or request changes.

const PORT = Number(process.env.E2E_PORT ?? 3100);

function databaseUrl(): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  const { password } = JSON.parse(readFileSync(path.join(dataDir, "pg-settings.json"), "utf8")) as { password: string };
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${PORT + 51000}/teleradio`;
}

test("the administrator registers a site's PACS for the reports, with bad input named at its field", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.admin);
  await page.goto("/admin");
  const panel = page.getByTestId("report-destinations-editor");
  await expect(panel.getByRole("heading", { name: "PACS du site : envoi des comptes rendus" })).toBeVisible();
  const form = panel.getByTestId("report-destination-add");
  const aeTitle = `E2E_${randomBytes(4).toString("hex").toUpperCase()}`;

  await form.getByLabel("Site").selectOption({ index: 1 });
  await form.getByLabel("Libellé").fill("PACS e2e");
  await form.getByLabel("Titre AE").fill("PACS\\CHU");
  await form.getByLabel("Hôte").fill("127.0.0.1");
  await form.getByLabel("Port").fill("104");
  await form.getByLabel(/PDF encapsulé/).uncheck();
  await form.getByRole("button", { name: "Ajouter" }).click();
  await expect(form.getByText(/Le titre AE ne contient que des caractères ASCII imprimables/)).toBeVisible();
  await expect(form.getByText("Choisissez au moins un format : PDF ou SR.")).toBeVisible();
  await shootWhenAsked(page, "admin-report-destinations-errors", panel);

  await form.getByLabel("Titre AE").fill(aeTitle);
  await form.getByLabel(/SR texte/).check();
  await form.getByRole("button", { name: "Ajouter" }).click();
  await expect(panel.getByTestId("report-destinations-message")).toHaveText("PACS ajouté.");
  const row = panel.locator(`[data-ae-title="${aeTitle}"]`);
  await expect(row).toContainText("127.0.0.1:104");
  await expect(row).toContainText("SR");
  await expect(row).toContainText("active");

  // The same AE title again at the same site: the server's refusal, at the field.
  await form.getByLabel("Site").selectOption({ index: 1 });
  await form.getByLabel("Libellé").fill("Doublon");
  await form.getByLabel("Titre AE").fill(aeTitle);
  await form.getByLabel("Hôte").fill("127.0.0.1");
  await form.getByRole("button", { name: "Ajouter" }).click();
  await expect(form.getByText("Ce site a déjà une destination avec ce titre AE.")).toBeVisible();
  await shootWhenAsked(page, "admin-report-destinations", panel);
  await expectNoSeriousViolations(page, "/admin with the PACS report destinations and a form error shown");

  // Left deactivated: it sends nothing for the demo site's reports.
  await row.getByRole("button", { name: `Désactiver ${aeTitle}` }).click();
  await expect(row).toContainText("désactivée");
});

test("the request page shows the report stored at the site's PACS and the one that failed; the board offers to send it again", async ({ browser }) => {
  const tag = randomBytes(3).toString("hex").toUpperCase();
  const sender = { sendingApplication: `RIS_PX_${tag}`, sendingFacility: `FAC_PX_${tag}` };
  const placer = `OPX${tag}`;
  const email = `pacs.referrer.${tag.toLowerCase()}@e2e.teleradio.fr`;
  const db = new pg.Client({ connectionString: databaseUrl() });
  await db.connect();
  let siteId = "";
  let referrerId = "";
  try {
    siteId = (await db.query<{ id: string }>(`INSERT INTO "Site" ("id", "code", "name") VALUES (gen_random_uuid(), $1, $2) RETURNING "id"`, [`PX${tag}`, `Hôpital PACS ${tag}`])).rows[0]!.id;
    referrerId = (
      await db.query<{ id: string }>(
        `INSERT INTO "User" ("id", "email", "displayName", "role", "siteId", "passwordHash", "active")
         SELECT gen_random_uuid(), $1, $2, 'REFERRER', $3, "passwordHash", true FROM "User" WHERE "email" = 'urgences.sal@demo.teleradio.fr' RETURNING "id"`,
        [email, `Dr PACS ${tag}`, siteId],
      )
    ).rows[0]!.id;
    const service = await db.query<{ id: string }>(`INSERT INTO "User" ("id", "email", "displayName", "role", "siteId", "active") VALUES (gen_random_uuid(), $1, $2, 'REFERRER', $3, false) RETURNING "id"`, [
      `ris.px.${tag.toLowerCase()}@interfaces.teleradio.invalid`,
      `RIS ${tag}`,
      siteId,
    ]);
    await db.query(
      `INSERT INTO "RisInterface" ("id", "siteId", "label", "sendingApplication", "sendingFacility", "allowedNetworks", "serviceUserId")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, ARRAY['127.0.0.0/8', '::1']::varchar(49)[], $5)`,
      [siteId, `RIS ${tag}`, sender.sendingApplication, sender.sendingFacility, service.rows[0]!.id],
    );
  } finally {
    await db.end();
  }
  const client = hl7.Server.createTcpClient({ host: "127.0.0.1", port: PORT + 12000, keepalive: false });
  const ack = await new Promise<string>((resolve, reject) => client.send(ormMessage({ sender, placer }), (error, answer) => (error ? reject(error) : resolve(answer.getSegment("MSA")?.getField(1) ?? ""))));
  expect(ack).toBe("AA");

  // A signed version and its exports, as the outbox leaves them: one stored, one refused by the PACS.
  const seed = new pg.Client({ connectionString: databaseUrl() });
  await seed.connect();
  let requestId = "";
  try {
    requestId = (await seed.query<{ id: string }>(`SELECT "id" FROM "ReadingRequest" WHERE "placerOrderNumber" = $1`, [placer])).rows[0]!.id;
    const versionId = (
      await seed.query<{ id: string }>(
        `INSERT INTO "ReportVersion" ("id", "requestId", "sequence", "kind", "templateId", "values", "createdById", "updatedById", "narrative", "conclusion", "signerName", "signedAt", "fingerprint")
         SELECT gen_random_uuid(), $1, 0, 'ORIGINAL', "id", '{}'::jsonb, $2, $2, 'Résultats', 'Normal', 'Dr e2e', now(), repeat('a', 64) FROM "ReportTemplate" LIMIT 1 RETURNING "id"`,
        [requestId, referrerId],
      )
    ).rows[0]!.id;
    const destinationId = (
      await seed.query<{ id: string }>(`INSERT INTO "ReportPacsDestination" ("id", "siteId", "label", "aeTitle", "host", "port", "sendPdf", "sendSr") VALUES (gen_random_uuid(), $1, 'PACS du site', $2, '127.0.0.1', 9, true, true) RETURNING "id"`, [
        siteId,
        `PX_${tag}`,
      ])
    ).rows[0]!.id;
    for (const [format, state, status, error] of [
      ["ENCAPSULATED_PDF", "STORED", "0000", null],
      ["BASIC_TEXT_SR", "FAILED", "C000", "C-STORE failed: the PACS cannot understand the document"],
    ] as const) {
      await seed.query(
        `INSERT INTO "ReportPacsExport" ("id", "reportVersionId", "requestId", "destinationId", "format", "studyInstanceUid", "seriesInstanceUid", "sopInstanceUid", "state", "attempts", "dimseStatus", "errorText", "createdAt", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4::"ReportDocumentFormat", $5, $6, $7, $8::"PacsExportState", 1, $9, $10, now() - interval '10 minutes', now())`,
        [versionId, requestId, destinationId, format, `2.25.${tag.length}1${Date.now()}`, `2.25.2${Date.now()}${format.length}`, `2.25.3${Date.now()}${format.length}`, state, status, error],
      );
    }
  } finally {
    await seed.end();
  }

  const page = await signedInPage(browser, { email, password: DEMO_PASSWORD, name: `Dr PACS ${tag}` });
  await page.goto(`/requests/${requestId}`);
  const block = page.getByTestId("pacs-exports");
  await expect(block.getByRole("heading", { name: "Envois au PACS du site" })).toBeVisible();
  await expect(block.locator('[data-state="STORED"]')).toContainText("PDF encapsulé");
  await expect(block.locator('[data-state="STORED"]')).toContainText("enregistré par le PACS");
  await expect(block.locator('[data-state="FAILED"]')).toContainText("C-STORE failed: the PACS cannot understand the document");
  await shootWhenAsked(page, "request-pacs-exports", block);

  const head = await signedInPage(browser, accounts.head);
  await head.goto("/operations");
  const board = head.getByTestId("ops-pacs-exports");
  const failed = board.getByTestId("ops-pacs-export-row").filter({ hasText: `PX_${tag}` });
  await expect(failed).toContainText("SR texte");
  await expect(failed).toContainText("C000");
  await shootWhenAsked(head, "operations-pacs-exports", board);
  await failed.getByRole("button", { name: "Renvoyer" }).click();
  await expect(board.getByRole("status")).toHaveText("Envoi remis en file.");
});

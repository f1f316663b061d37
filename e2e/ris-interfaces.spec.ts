import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { accounts } from "./demo-accounts";
import { databaseUrl } from "./fresh-user";
import { shootWhenAsked, signedInPage, submitTeleDiagnostic } from "./pages";
import { expect, test } from "./test";

// The administrator registers a site's RIS in /admin (with a wrong port and a duplicate first),
// edits and deactivates it; then a request the RIS ordered shows its messages' states to the
// site's referrer, and the head sends a failed one again from the operations board.

const tag = () => randomBytes(3).toString("hex").toUpperCase();

test("the administrator registers, edits and deactivates a RIS interface, with precise form errors", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.admin);
  await page.goto("/admin");
  const panel = page.getByTestId("ris-interfaces-editor");
  await expect(panel.getByRole("heading", { name: "Interfaces RIS (HL7)" })).toBeVisible();
  const app = `XPLORE${tag()}`;

  const fill = async (form: ReturnType<typeof panel.getByTestId>, values: { port: string; application: string }) => {
    await form.getByLabel("Site").selectOption({ label: "BLR · CH de Bellerive-les-Bains" });
    await form.getByLabel("Nom").fill(`Xplore Bellerive ${app}`);
    await form.getByLabel("Application émettrice (MSH-3)").fill(values.application);
    await form.getByLabel("Établissement émetteur (MSH-4)").fill("CHBLR");
    await form.getByLabel("Adresses autorisées").fill("10.40.0.0/16");
    await form.getByLabel("Hôte").fill("ris.ch-bellerive.local");
    await form.getByLabel("Port").fill(values.port);
    await form.getByLabel("Application destinataire (MSH-5)").fill("XPLORE");
    await form.getByLabel("Établissement destinataire (MSH-6)").fill("CHBLR");
  };

  await panel.getByTestId("ris-interface-new").click();
  const form = panel.getByTestId("ris-interface-create-form");
  await fill(form, { port: "70000", application: app });
  await form.getByRole("button", { name: "Créer l'interface" }).click();
  await expect(form.getByRole("alert")).toHaveText("Le port va de 1 à 65535.");
  await form.getByLabel("Port").fill("6661");
  await form.getByRole("button", { name: "Créer l'interface" }).click();
  await expect(panel.getByTestId("ris-interfaces-message")).toHaveText("Interface RIS créée, avec son compte de service.");
  const row = panel.locator(`[data-testid="ris-interface-row"][data-label="Xplore Bellerive ${app}"]`);
  await expect(row).toContainText(`MSH-3 ${app} · MSH-4 CHBLR · 10.40.0.0/16`);
  await expect(row.getByTestId("ris-interface-outbound")).toHaveText("Réponses envoyées à ris.ch-bellerive.local:6661 (MSH-5 XPLORE, MSH-6 CHBLR)");
  await expect(row).toContainText(`Compte de service : RIS Xplore Bellerive ${app}`);
  // Its service account is listed as an interface, without the sign-in actions.
  await expect(page.getByTestId("account-row").filter({ hasText: `RIS Xplore Bellerive ${app}` }).getByTestId("account-state")).toHaveText("Interface RIS (ne se connecte jamais)");

  // The same MSH-3/MSH-4 pair again is refused, on the field.
  await panel.getByTestId("ris-interface-new").click();
  await fill(form, { port: "6661", application: app });
  await form.getByRole("button", { name: "Créer l'interface" }).click();
  await expect(form.getByRole("alert")).toHaveText("Une autre interface utilise déjà cette application et cet établissement émetteurs.");
  await shootWhenAsked(page, "admin-ris-interfaces");
  await form.getByRole("button", { name: "Annuler" }).click();

  await row.getByRole("button", { name: "Modifier" }).click();
  const edit = panel.getByTestId("ris-interface-edit-form");
  await edit.getByLabel("Interface active").uncheck();
  await edit.getByLabel("Hôte").fill("");
  await edit.getByLabel("Port").fill("");
  await edit.getByRole("button", { name: "Enregistrer" }).click();
  await expect(panel.getByTestId("ris-interfaces-message")).toHaveText("Interface RIS enregistrée.");
  await expect(row).toContainText("(désactivée)");
  await expect(row.getByTestId("ris-interface-outbound")).toHaveText("Aucun envoi vers le RIS");
  await page.context().close();
});

test("a request ordered by the RIS shows its messages' states, and the head sends a failed one again", async ({ browser }) => {
  const referrer = await signedInPage(browser, accounts.referrerSal);
  const family = `Hl7${tag()}`;
  const requestId = await submitTeleDiagnostic(referrer, { familyName: family });

  // What the inbound side and the outbox would have written: the interface (its RIS listener is a
  // closed port), the order's HL7 fields, an acknowledged OK and an OC the RIS refused.
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  let failedId: string;
  try {
    const site = await client.query<{ siteId: string }>(`SELECT "siteId" FROM "ReadingRequest" WHERE id = $1`, [requestId]);
    const siteId = site.rows[0]!.siteId;
    const serviceUser = randomUUID();
    const ris = randomUUID();
    await client.query(`INSERT INTO "User" (id, email, "displayName", role, "siteId", active) VALUES ($1, $2, 'RIS e2e', 'REFERRER', $3, false)`, [serviceUser, `ris-${serviceUser}@interfaces.invalid`, siteId]);
    await client.query(
      `INSERT INTO "RisInterface" (id, "siteId", label, "sendingApplication", "sendingFacility", "allowedNetworks", active, "outboundHost", "outboundPort", "receivingApplication", "receivingFacility", "serviceUserId")
       VALUES ($1, $2, 'RIS e2e', $3, 'CHSAL', '{127.0.0.1}', true, '127.0.0.1', 9, 'XPLORE', 'CHSAL', $4)`,
      [ris, siteId, `E2E${tag()}`, serviceUser],
    );
    await client.query(`UPDATE "ReadingRequest" SET source = 'HL7', "risInterfaceId" = $2, "placerOrderNumber" = $3 WHERE id = $1`, [requestId, ris, `OPN${tag()}`]);
    const insert = `INSERT INTO "Hl7Message" (direction, "risInterfaceId", "requestId", "messageType", "orderControl", "controlId", raw, state, "ackCode", "errorText", attempts, "createdAt", "updatedAt")
       VALUES ('OUTBOUND', $1, $2, 'ORU^R01', $3, $4, 'MSH|^~\\&|TELERADIO', $5::"Hl7MessageState", $6, $7, 1, now() - interval '10 minutes', now() - interval '9 minutes') RETURNING id`;
    await client.query(insert, [ris, requestId, "OK", `TLR${tag()}`, "ACKNOWLEDGED", "AA", null]);
    const failed = await client.query<{ id: string }>(insert, [ris, requestId, "OC", `TLR${tag()}`, "FAILED", "AE", "Commande inconnue du RIS (ORC-1-2)"]);
    failedId = String(failed.rows[0]!.id);
  } finally {
    await client.end();
  }

  await referrer.reload();
  const block = referrer.getByTestId("ris-messages");
  await expect(block.getByRole("heading", { name: "Messages RIS" })).toBeVisible();
  const messages = block.getByTestId("ris-message");
  await expect(messages).toHaveCount(2);
  await expect(messages.nth(0)).toContainText("Envoyé · ORU^R01 OK — Acceptation avec protocole");
  await expect(messages.nth(0).getByTestId("ris-message-state")).toHaveText("acquitté par le RIS");
  await expect(messages.nth(1).getByTestId("ris-message-state")).toHaveText("échec");
  await expect(messages.nth(1).getByTestId("ris-message-error")).toHaveText("Commande inconnue du RIS (ORC-1-2)");
  await shootWhenAsked(referrer, "request-ris-messages");

  const head = await signedInPage(browser, accounts.head);
  await head.goto("/operations");
  const board = head.getByTestId("ops-outbound");
  const failedRow = board.getByTestId("ops-outbound-row").filter({ has: head.locator(`a[href="/requests/${requestId}"]`) });
  await expect(failedRow).toHaveAttribute("data-state", "FAILED");
  await expect(failedRow).toContainText("Commande inconnue du RIS (ORC-1-2)");
  await shootWhenAsked(head, "operations-ris-messages");
  await failedRow.getByRole("button", { name: "Renvoyer" }).click();
  await expect(board.getByRole("status")).toHaveText("Message remis en file d'envoi.");
  // Queued again (and tried against the closed port, so not acknowledged): no longer a failure.
  await expect(failedRow).toHaveAttribute("data-state", /QUEUED|SENT/);
  await expect(messages.nth(1).getByTestId("ris-message-state")).not.toHaveText("échec");
  expect(failedId).toMatch(/^\d+$/);
});

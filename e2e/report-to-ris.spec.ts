import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { startRisPeer } from "../lib/testing/ris-peer";
import { accounts } from "./demo-accounts";
import { databaseUrl } from "./fresh-user";
import { shootWhenAsked, signedInPage } from "./pages";
import { requestReadyToRead } from "./reading-ready";
import { expect, test, type Page } from "./test";

// The signed report to the site's RIS on the production build: the request is the RIS's (an
// interface of its own whose listener is simple-hl7's server in this process); the radiologist
// signs the report and an addendum in the UI; the server's job worker delivers them; the
// "Messages RIS" block says which version went and what the RIS answered, and the operations
// board names the addendum the RIS refused.

const tag = () => randomBytes(3).toString("hex").toUpperCase();

async function sign(page: Page): Promise<void> {
  const form = page.getByTestId("sign-form");
  await form.getByLabel("Mot de passe (signature)").fill(accounts.radiologistSalVrn.password);
  await form.getByRole("button", { name: "Signer le compte rendu" }).click();
}

test("the signed report and its addendum go to the site's RIS, and the request and the board say which version and how it went", async ({ browser }) => {
  test.setTimeout(240_000);
  const ris = await startRisPeer();
  try {
    const { requestId, referrer, radiologist } = await requestReadyToRead(browser, "Oru");
    const placer = `OPN${tag()}`;
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      // What the inbound side writes for an order: the request is the RIS's, through its interface.
      const site = await client.query<{ siteId: string }>(`SELECT "siteId" FROM "ReadingRequest" WHERE id = $1`, [requestId]);
      const siteId = site.rows[0]!.siteId;
      const serviceUser = randomUUID();
      const iface = randomUUID();
      await client.query(`INSERT INTO "User" (id, email, "displayName", role, "siteId", active) VALUES ($1, $2, 'RIS e2e ORU', 'REFERRER', $3, false)`, [serviceUser, `ris-${serviceUser}@interfaces.invalid`, siteId]);
      await client.query(
        `INSERT INTO "RisInterface" (id, "siteId", label, "sendingApplication", "sendingFacility", "allowedNetworks", active, "outboundHost", "outboundPort", "receivingApplication", "receivingFacility", "serviceUserId")
         VALUES ($1, $2, 'RIS e2e ORU', $3, 'CHSAL', '{127.0.0.1}', true, '127.0.0.1', $4, 'XPLORE', 'CHSAL', $5)`,
        [iface, siteId, `ORU${tag()}`, ris.port, serviceUser],
      );
      await client.query(`UPDATE "ReadingRequest" SET source = 'HL7', "risInterfaceId" = $2, "placerOrderNumber" = $3 WHERE id = $1`, [requestId, iface, placer]);
    } finally {
      await client.end();
    }

    await radiologist.getByRole("button", { name: "Commencer la lecture" }).click();
    await expect(radiologist.getByTestId("status")).toHaveText("En lecture");
    const editor = radiologist.getByTestId("report-editor");
    await editor.locator("#report-field-indication").selectOption("AVC");
    await editor.locator("#report-field-hemorrhage").selectOption("no");
    await editor.locator("#report-field-findings").fill("Pas de lésion hémorragique.");
    await editor.locator("#report-field-conclusion").fill("Pas d'hémorragie intracrânienne.");
    await editor.locator("#report-field-reg_dose").fill("812");
    await expect(radiologist.getByTestId("missing-fields")).toHaveCount(0);
    await expect(radiologist.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
    await sign(radiologist);
    await expect(radiologist.getByTestId("status")).toHaveText("Compte rendu transmis");

    // The requester's page follows the delivery live.
    const block = referrer.getByTestId("ris-messages");
    const messages = block.getByTestId("ris-message");
    await expect(messages).toHaveCount(1);
    await expect(messages.nth(0)).toContainText("Envoyé · ORU^R01 RE — Compte rendu (original)");
    await expect(messages.nth(0).getByTestId("ris-message-state")).toHaveText("acquitté par le RIS");
    const received = ris.received.filter((message) => message.getSegment("ORC")?.getField(2) === placer);
    expect(received.map((message) => message.getSegment("OBR").getField(25))).toEqual(["F"]);

    // The RIS refuses the correction: failed, with its error, on the request and on the board.
    ris.answer = { code: "AE", error: "Compte rendu déjà validé au RIS", location: "OBR^1^25" };
    await radiologist.getByRole("button", { name: "Rédiger un addendum" }).click();
    const addendum = radiologist.getByTestId("report-editor");
    await expect(addendum).toHaveAttribute("data-draft-kind", "ADDENDUM");
    await addendum.locator("#report-field-addendum_note").fill("Nodule pulmonaire apical droit de 6 mm.");
    await expect(radiologist.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
    await sign(radiologist);
    await expect(messages).toHaveCount(2);
    await expect(messages.nth(1)).toContainText("Addendum 1 (correction)");
    await expect(messages.nth(1).getByTestId("ris-message-state")).toHaveText("échec");
    await expect(messages.nth(1).getByTestId("ris-message-error")).toHaveText("Compte rendu déjà validé au RIS (OBR-1-25)");
    await shootWhenAsked(referrer, "request-ris-report-messages");

    const head = await signedInPage(browser, accounts.head);
    await head.goto("/operations");
    const row = head.getByTestId("ops-outbound").getByTestId("ops-outbound-row").filter({ has: head.locator(`a[href="/requests/${requestId}"]`) });
    await expect(row).toHaveAttribute("data-state", "FAILED");
    await expect(row).toContainText("ORU^R01 RE");
    await expect(row).toContainText("Addendum 1 (correction)");
    await shootWhenAsked(head, "operations-ris-report-messages");
    await head.context().close();
  } finally {
    await ris.stop();
  }
});

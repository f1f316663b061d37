import { spawn } from "node:child_process";
import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { shootWhenAsked, signedInPage } from "./pages";

// The administrator narrows a PACS's allowed addresses in /admin; the DICOM port then refuses
// that AE title from here (127.0.0.1), and serves it again once the list holds the address.

const DICOM_PORT = Number(process.env.E2E_PORT ?? 3100) + 11000;
// Not used by the other specs: they push images by STOW-RS.
const AE_TITLE = "BLR_PACS";

function echo(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("echoscu", ["-aet", AE_TITLE, "-aec", "TELERADIO", "127.0.0.1", String(DICOM_PORT)], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

test("the administrator edits a sender's allowed addresses, and the DICOM port applies them", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.admin);
  await page.goto("/admin");
  const panel = page.getByTestId("dicom-senders-editor");
  await expect(panel.getByRole("heading", { name: "Émetteurs DICOM : adresses autorisées" })).toBeVisible();
  const row = panel.locator(`[data-sender="${AE_TITLE}"]`);
  const addresses = row.getByRole("textbox");
  /** Saves and waits for the server's answer: the DICOM port is tried right after. */
  const save = () =>
    Promise.all([
      page.waitForResponse((response) => response.url().includes("senders.updateNetworks") && response.ok()),
      row.getByRole("button", { name: "Enregistrer" }).click(),
    ]);
  await expect(addresses).toHaveValue("127.0.0.0/8\n::1");
  expect((await echo()).code).toBe(0);

  // A typing mistake is named in French before anything is sent.
  await addresses.fill("10.1.2.3/8");
  await row.getByRole("button", { name: "Enregistrer" }).click();
  await expect(row.getByRole("alert")).toHaveText("« 10.1.2.3/8 » : des bits d'hôte sont positionnés ; la plage est 10.0.0.0/8.");

  await addresses.fill("10.0.0.0/8");
  await save();
  await expect(panel.getByTestId("dicom-senders-message")).toHaveText("Liste d'adresses enregistrée.");
  const refused = await echo();
  expect(refused.code).not.toBe(0);
  expect(refused.output).toMatch(/Association Rejected/i);
  await shootWhenAsked(page, "admin-dicom-senders");

  // "Anywhere" is possible, and said to be what it is.
  await addresses.fill("0.0.0.0/0\n::/0");
  await expect(row).toContainText("Toute adresse : l'adresse ne protège pas cet émetteur.");

  await addresses.fill("127.0.0.0/8\n::1");
  await save();
  await expect(panel.getByTestId("dicom-senders-message")).toHaveText("Liste d'adresses enregistrée.");
  await expect(row.getByRole("textbox")).toHaveValue("127.0.0.0/8\n::1");
  expect((await echo()).code).toBe(0);
});

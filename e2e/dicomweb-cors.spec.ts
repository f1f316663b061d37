import { randomInt } from "node:crypto";
import pg from "pg";
import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { startExternalViewer } from "./external-viewer";
import { databaseUrl, freshUserLike } from "./fresh-user";

// A web viewer served from another origin reads the product's DICOMweb in a real Chromium with
// an access token of the installation's OpenID provider (the test provider, shaped like Pro
// Santé Connect): from the origin DICOMWEB_CORS_ORIGINS lists (playwright.config.ts) it shows
// the studies its user may see; from any other origin the browser blocks the answers.

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PRODUCT = `http://127.0.0.1:${PORT}`;
const MINT = `http://127.0.0.1:${PORT + 21001}`;
// PORT + 1001 is the listed origin (playwright.config.ts); PORT + 1002 is not.
const LISTED_PORT = PORT + 1001;
const UNLISTED_PORT = PORT + 1002;

let listed: Awaited<ReturnType<typeof startExternalViewer>>;
let unlisted: Awaited<ReturnType<typeof startExternalViewer>>;

test.beforeAll(async () => {
  listed = await startExternalViewer(LISTED_PORT);
  unlisted = await startExternalViewer(UNLISTED_PORT);
});
test.afterAll(async () => {
  await listed?.close();
  await unlisted?.close();
});

/** A user of the spec's own, like a demo account, with an RPPS; and the access token it holds. */
async function userWithToken(templateEmail: string, prefix: string): Promise<string> {
  const user = await freshUserLike(templateEmail, prefix);
  const rpps = `1${String(randomInt(0, 10 ** 9)).padStart(9, "0")}${randomInt(0, 10)}`;
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(`UPDATE "User" SET "rpps" = $1 WHERE "id" = $2`, [rpps, user.id]);
  } finally {
    await client.end();
  }
  const minted = await fetch(`${MINT}/access-token?idNat=8${rpps}`, { method: "POST" });
  expect(minted.status).toBe(200);
  return minted.text();
}

const viewerUrl = (origin: string, token: string | null) => `${origin}/#dicomweb=${encodeURIComponent(`${PRODUCT}/dicomweb`)}${token ? `&token=${encodeURIComponent(token)}` : ""}`;

test("an external viewer on a listed origin lists the studies its user may see and opens one, with the user's access token", async ({ page }) => {
  // A radiographer of Salins views the site's studies (the demo's are Salins' and Vernay's).
  const token = await userWithToken(accounts.radiographerSal.email, "Manip");
  await page.goto(viewerUrl(listed.origin, token));
  await expect(page.getByTestId("status")).toHaveText(/^[1-9][0-9]* examen\(s\)$/);
  const studies = page.getByTestId("studies");
  await expect(studies).toContainText("GARNIER");
  await expect(studies).toContainText("MOREL");
  await expect(studies).not.toContainText("BENO");
  await expect(page.getByTestId("metadata")).toHaveText(/^[1-9][0-9]* instance\(s\) dans [0-9.]+$/);
  await expect(page.getByTestId("frame")).toHaveText(/^image 1 : [1-9][0-9]+ octets$/);
  await expect(page.getByTestId("error")).toBeEmpty();
});

test("a referrer of another site sees none of those studies through the same viewer", async ({ page }) => {
  const token = await userWithToken(accounts.referrerBlr.email, "Urgences");
  await page.goto(viewerUrl(listed.origin, token));
  await expect(page.getByTestId("status")).toHaveText(/examen\(s\)$/);
  await expect(page.getByTestId("studies")).not.toContainText("GARNIER");
  await expect(page.getByTestId("studies")).not.toContainText("BENO");
});

test("the listed origin's page without a token reads a 401, and a page of an unlisted origin is blocked by the browser", async ({ page }) => {
  await page.goto(viewerUrl(listed.origin, null));
  await expect(page.getByTestId("error")).toHaveAttribute("data-status", "401");

  const token = await userWithToken(accounts.radiographerSal.email, "Manip");
  const blocked = page.waitForEvent("console", (message) => message.text().includes("CORS policy"));
  await page.goto(viewerUrl(unlisted.origin, token));
  await expect(page.getByTestId("error")).toHaveAttribute("data-status", "0");
  await blocked;
  await expect(page.getByTestId("studies")).toBeEmpty();
});

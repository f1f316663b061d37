import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { freshUserLike } from "./fresh-user";
import { signedInPage, waitUntilLive } from "./pages";

test("a form with missing fields shows each field's error and sends nothing", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.referrerSal);
  await page.goto("/requests/new");
  const requests: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/trpc/requests.submit")) requests.push(request.url());
  });
  await page.locator("#patient\\.familyName").fill("Incomplet");
  await page.locator("#patient\\.birthDate").fill("2999-01-01");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();

  await expect(page.getByTestId("form-error")).toHaveText("Certains champs sont à corriger.");
  await expect(page.getByTestId("error-priority")).toHaveText("Choisissez une valeur.");
  await expect(page.getByTestId("error-patient.givenName")).toHaveText("Ce champ est obligatoire.");
  await expect(page.getByTestId("error-patient.birthDate")).toHaveText("La date ne peut pas être dans le futur.");
  await expect(page.getByTestId("error-clinicalQuestion")).toHaveText("Ce champ est obligatoire.");
  await expect(page.getByTestId("error-contrast.metformin")).toHaveText("Choisissez une valeur.");
  await expect(page.getByTestId("error-patient.familyName")).toHaveCount(0);
  await expect(page.locator("#patient\\.givenName")).toHaveAttribute("aria-invalid", "true");
  expect(requests).toEqual([]);

  // Téléexpertise asks for the expert's question instead of the contrast items.
  await page.locator("#type").selectOption("TELEEXPERTISE");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByTestId("error-expertQuestion")).toHaveText("Ce champ est obligatoire.");
  await expect(page.locator("#contrast\\.metformin")).toHaveCount(0);
});

test("the interface is in French by default and switches to English", async ({ browser }) => {
  // A user of its own: the switch is saved on the profile, and a demo account left in English
  // would change what every later spec reads.
  const page = await signedInPage(browser, await freshUserLike(accounts.radiologistAllSites.email, "Anglais"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Liste de travail");
  // The switch works once the page is hydrated; the live socket says it is.
  await waitUntilLive(page);
  await page.getByLabel("Langue").selectOption("en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Worklist");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

import { accounts } from "./demo-accounts";
import { freshUserLike } from "./fresh-user";
import { requestReadyToRead } from "./reading-ready";
import { enrolTotp, expectSignedIn, shootElementWhenAsked, signInPage, totpCode, typePassword } from "./second-factor-pages";
import { expect, test } from "./test";

// A radiologist with a TOTP app signs a report with a code from it: the password is not asked.

test("a report is signed with the TOTP step-up, not the password", async ({ browser }) => {
  test.setTimeout(240_000);
  const user = await freshUserLike(accounts.radiologistSalVrn.email, "Signataire");
  const page = await signInPage(browser);
  await typePassword(page, user);
  await expectSignedIn(page, user);
  const { secret } = await enrolTotp(page);

  const { radiologist, referrer } = await requestReadyToRead(browser, "Su", { radiologist: { page, name: user.name } });
  await radiologist.getByRole("button", { name: "Commencer la lecture" }).click();
  await expect(radiologist.getByTestId("status")).toHaveText("En lecture");
  const editor = radiologist.getByTestId("report-editor");
  await editor.locator("#report-field-indication").selectOption("AVC");
  await editor.locator("#report-field-hemorrhage").selectOption("no");
  await editor.locator("#report-field-findings").fill("Pas de lésion hémorragique.");
  await editor.locator("#report-field-conclusion").fill("Pas d'anomalie aiguë.");
  await editor.locator("#report-field-reg_dose").fill("812");
  await expect(radiologist.getByTestId("missing-fields")).toHaveCount(0);
  await expect(radiologist.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  const form = radiologist.getByTestId("sign-form");
  await expect(form.getByLabel("Code de l'application (signature)")).toBeVisible();
  await expect(form.getByLabel("Mot de passe (signature)")).toHaveCount(0);
  await shootElementWhenAsked(radiologist, form, "signature-dialog");
  await form.getByLabel("Code de l'application (signature)").fill("000000");
  await form.getByRole("button", { name: "Signer le compte rendu" }).click();
  await expect(radiologist.getByTestId("sign-error")).toHaveText("Code, mot de passe ou clé d'accès refusé.");
  // The enrolment used this period's code: the next period's is the one the app shows next.
  await form.getByLabel("Code de l'application (signature)").fill(await totpCode(secret, 30));
  await form.getByRole("button", { name: "Signer le compte rendu" }).click();
  await expect(radiologist.getByTestId("status")).toHaveText("Compte rendu transmis");
  await expect(referrer.getByTestId("status")).toHaveText("Compte rendu transmis");
});

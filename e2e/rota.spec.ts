import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { signedInPage } from "./pages";

/** "YYYY-MM-DD" of the first Saturday at least `days` days from now (calendar dates only). */
function saturdayAfter(days: number): { saturday: string; plus: (n: number) => string } {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(12, 0, 0, 0);
  while (date.getUTCDay() !== 6) date.setUTCDate(date.getUTCDate() + 1);
  const plus = (n: number) => new Date(date.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  return { saturday: plus(0), plus };
}

test("the department head creates an every-other-weekend shift in the calendar and sees who is on call now", async ({ browser }) => {
  test.slow();
  const page = await signedInPage(browser, accounts.head);
  await page.goto("/rota");
  await expect(page.getByRole("heading", { name: "Tableau de garde" })).toBeVisible();
  await expect(page.getByTestId("rota-week")).toBeVisible();

  // Within the demo rota's eight weeks, so that the demo shifts of the same radiologist overlap it.
  const { saturday, plus } = saturdayAfter(14);
  const form = page.getByTestId("shift-form");
  await form.locator("#shift-radiologist").selectOption({ label: "Dr Paul Nguyen" });
  await form.locator("#shift-start").fill(`${saturday}T07:15`);
  await form.locator("#shift-end").fill(`${plus(2)}T07:15`);
  await form.locator("#shift-group").selectOption({ label: "Vallée de la Brenne" });
  await expect(form.getByTestId("shift-site-SAL")).toBeChecked();
  await expect(form.getByTestId("shift-site-VRN")).toBeChecked();
  await form.locator("#shift-role").selectOption("BACKUP");
  await form.locator("#shift-repeat").check();
  await form.locator("#shift-interval").selectOption("2");
  await expect(form.getByTestId("shift-weekday-6")).toBeChecked();
  await form.locator("#shift-until").fill(plus(29));
  await form.getByRole("button", { name: "Enregistrer la garde" }).click();
  await expect(form.getByTestId("shift-form-message")).toHaveText("3 garde(s) enregistrée(s).");

  // The calendar moved to the first shift's week: the shift starts on Saturday at 07:15.
  const onDay = (day: string) => page.locator(`[data-testid="rota-day"][data-day="${day}"]`).getByTestId("shift-block").filter({ hasText: "Dr Paul Nguyen" }).filter({ hasText: "07:15–" });
  await expect(onDay(saturday)).toHaveCount(1);
  await expect(onDay(saturday)).toContainText("Renfort");
  await expect(onDay(saturday)).toContainText("SAL, VRN");
  // The demo rota already has him on call then: the overlap is highlighted and listed.
  await expect(onDay(saturday)).toHaveAttribute("data-overlap", "true");
  await expect(page.getByTestId("coverage-overlaps")).toContainText("Dr Paul Nguyen");

  // Every other weekend: nothing the next Saturday, the shift again two weeks later.
  await page.getByTestId("rota-next").click();
  await expect(page.locator(`[data-testid="rota-day"][data-day="${plus(7)}"]`)).toBeVisible();
  await expect(onDay(plus(7))).toHaveCount(0);
  await page.getByTestId("rota-next").click();
  await expect(onDay(plus(14))).toHaveCount(1);

  // The month view shows it too.
  await page.getByTestId("rota-mode-month").click();
  await expect(page.getByTestId("rota-month")).toBeVisible();

  // Who is on call now for Saint-Aubin: the demo rota's primary.
  await page.locator("#oncall-site").selectOption({ label: "SAL — CH de Saint-Aubin-sur-Loire" });
  const primary = page.getByTestId("oncall-entry").filter({ hasText: "Titulaire" });
  await expect(primary).toHaveCount(1);
  await expect(primary).toContainText(/Dr Anne Dubois|Dr Paul Nguyen/);
  await expect(primary).toHaveAttribute("data-eligible", "true");
  await expect(page.getByTestId("oncall-entry").filter({ hasText: "Renfort" })).not.toHaveCount(0);
  await page.context().close();
});

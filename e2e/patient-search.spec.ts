import { expect, test, type Page } from "./test";
import { accounts } from "./demo-accounts";
import { shootWhenAsked, signedInPage, submitTeleDiagnostic, waitUntilLive } from "./pages";

// The header's patient search, as a clinician uses it: typed in the header, the results page,
// a result opening its request; and never another site's patient.

async function searchFromHeader(page: Page, query: string): Promise<void> {
  // Typed once the page is hydrated (the live socket says so): text typed into the server's
  // HTML before that can be replaced by React's own rendering.
  await waitUntilLive(page);
  const field = page.getByRole("searchbox", { name: "Rechercher un patient" });
  await field.fill(query);
  await expect(field).toHaveValue(query);
  await field.press("Enter");
  await page.waitForURL((url) => url.pathname === "/search" && url.searchParams.get("q") === query);
}

test("finds a patient by name without accents and by IPP, and opens the request", async ({ browser }) => {
  // Four people sign in, one after the other.
  test.slow();
  const suffix = Date.now().toString(36).replace(/\d/g, (d) => "abcdefghij"[Number(d)]!);
  const familyName = `Brûlé${suffix}`;
  const ipp = `8${Date.now()}`;
  const referrer = await signedInPage(browser, accounts.referrerSal);
  const requestId = await submitTeleDiagnostic(referrer, { familyName, givenName: "Hélène", sitePatientId: ipp, priority: "URGENT" });

  const radiologist = await signedInPage(browser, accounts.radiologistSalVrn);
  await searchFromHeader(radiologist, `helene brule${suffix}`);
  const results = radiologist.getByTestId("search-result");
  await expect(results).toHaveCount(1);
  await expect(results.first()).toHaveAttribute("data-request-id", requestId);
  await expect(results.first()).toContainText(`${familyName.toUpperCase()} Hélène`);
  await expect(results.first()).toContainText(ipp);
  await shootWhenAsked(radiologist, "patient-search-results");

  await searchFromHeader(radiologist, ipp);
  await expect(results).toHaveCount(1);
  await results.first().getByRole("link", { name: `${familyName.toUpperCase()} Hélène` }).click();
  await radiologist.waitForURL(`**/requests/${requestId}`);
  await expect(radiologist.getByTestId("patient-name")).toContainText(familyName.toUpperCase());

  // A referrer of another site searching the same IPP finds nothing, as if the patient did not exist.
  const elsewhere = await signedInPage(browser, accounts.referrerBlr);
  await searchFromHeader(elsewhere, ipp);
  await expect(elsewhere.getByTestId("search-empty")).toBeVisible();
  await expect(elsewhere.getByTestId("search-result")).toHaveCount(0);
  await shootWhenAsked(elsewhere, "patient-search-referrer-none");
  // The department head's header is the fullest (five sections): the search must still fit.
  const head = await signedInPage(browser, accounts.head);
  await searchFromHeader(head, ipp);
  await expect(head.getByTestId("search-result")).toHaveCount(1);
  await shootWhenAsked(head, "patient-search-head");
});

test("explains a query too short instead of searching", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.referrerSal);
  await page.goto("/search?q=h");
  await expect(page.getByTestId("search-invalid")).toHaveText("Saisissez au moins 2 lettres ou chiffres.");
});

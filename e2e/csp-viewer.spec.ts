import { ctHeadSeries } from "../lib/dicom/synthetic";
import { expect, test, type Page } from "./test";
import { nonceOfPolicy, watchCsp } from "./csp-watch";
import { compressWithDcmtk } from "./dcmtk-compress";
import { accounts, type DemoAccount } from "./demo-accounts";
import { signedInPage, submitTeleDiagnostic } from "./pages";
import { stowInstances } from "./stow";

// The Content-Security-Policy with nonces, as Chromium applies it to the production build: every
// main page of every role, and the viewer decoding a compressed study in its WebAssembly
// workers, run without one violation. Named *viewer.spec.ts: it runs in the viewer project.

async function signedInWatched(account: DemoAccount, browser: Parameters<typeof signedInPage>[0]) {
  const page = await signedInPage(browser, account);
  return { page, csp: watchCsp(page) };
}

/** Opens a page, waits for it to be hydrated and quiet, and checks its policy and scripts. */
async function visit(page: Page, path: string): Promise<void> {
  const answer = await page.goto(path);
  expect(answer?.status(), path).toBeLessThan(400);
  // Hydrated and its first queries answered (a live board refetching may never fall quiet).
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
  const policy = answer?.headers()["content-security-policy"];
  const nonce = nonceOfPolicy(policy);
  const scriptSrc = policy!.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc, path).toContain("'strict-dynamic'");
  expect(scriptSrc, path).not.toContain("'unsafe-inline'");
  expect(scriptSrc, path).not.toContain("'unsafe-eval'");
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "'wasm-unsafe-eval'"]) expect(policy, path).toContain(directive);
  // Every script the server renders carries its answer's nonce (asked again: one nonce per answer).
  const html = await page.request.get(path);
  const htmlNonce = nonceOfPolicy(html.headers()["content-security-policy"]);
  expect(htmlNonce, path).not.toBe(nonce);
  const tags = (await html.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, path).toBeGreaterThan(0);
  expect(tags.filter((tag) => !tag.includes(`nonce="${htmlNonce}"`)), `${path}: scripts without the nonce`).toEqual([]);
}

test("every role's main pages run under the nonce policy without a single violation", async ({ browser }) => {
  test.slow();
  const anonymous = await browser.newContext({ locale: "fr-FR" });
  const signin = await anonymous.newPage();
  const signinCsp = watchCsp(signin);
  await visit(signin, "/signin");
  expect.soft(await signinCsp.violations()).toEqual([]);

  const tours: [DemoAccount, string[]][] = [
    [accounts.referrerSal, ["/worklist", "/my-requests", "/requests/new", "/notifications", "/rota"]],
    [accounts.radiographerSal, ["/worklist"]],
    [accounts.radiologistAllSites, ["/worklist", "/rota"]],
    [accounts.head, ["/dashboard", "/operations", "/admin", "/rota"]],
    [accounts.admin, ["/admin", "/admin/templates"]],
  ];
  for (const [account, paths] of tours) {
    const { page, csp } = await signedInWatched(account, browser);
    for (const path of paths) await visit(page, path);
    expect.soft(await csp.violations(), account.email).toEqual([]);
    await page.context().close();
  }
});

test("the request page and the viewer decoding JPEG-LS in WebAssembly workers run without a violation", async ({ browser }) => {
  test.slow();
  const familyName = `Csp${Date.now().toString(36)}`;
  const referrer = await signedInPage(browser, accounts.referrerSal);
  const referrerCsp = watchCsp(referrer);
  const requestId = await submitTeleDiagnostic(referrer, { familyName, priority: "URGENT" });
  const accession = (await referrer.getByTestId("accession-number").textContent())?.trim() ?? "";
  const instances = [...ctHeadSeries({
    seed: `e2e-csp-${requestId}`,
    patient: { familyName: familyName.toUpperCase(), givenName: "JEANNE", birthDate: "19480714", sex: "F", patientId: `IPP-${familyName}` },
    accessionNumber: accession,
    slices: 12,
    size: 64,
  })];
  await stowInstances(referrer, compressWithDcmtk(instances, "jpeg-ls"));
  expect.soft(await referrerCsp.violations()).toEqual([]);
  await referrer.context().close();

  const { page, csp } = await signedInWatched(accounts.radiologistAllSites, browser);
  await visit(page, `/requests/${requestId}`);
  await page.getByRole("button", { name: "Prendre" }).click();
  await expect(page.getByTestId("holder")).toHaveText(accounts.radiologistAllSites.name);
  await page.getByTestId("open-viewer").click();
  await page.waitForURL(`**/requests/${requestId}/viewer`);
  const stack = page.locator('[data-viewport="stack-0"]');
  await expect(stack).toHaveAttribute("data-renders", /^[1-9]\d*$/, { timeout: 30_000 });
  await expect(page.getByTestId("viewer-load")).toHaveAttribute("data-loaded", "12");
  await expect(page.getByTestId("viewer-error")).toHaveCount(0);
  // The viewer's page itself was served with the nonce policy.
  const viewerAnswer = await page.request.get(`/requests/${requestId}/viewer`);
  nonceOfPolicy(viewerAnswer.headers()["content-security-policy"]);
  expect.soft(await csp.violations()).toEqual([]);
});

test("data answers get a policy that lets nothing run", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.radiologistAllSites);
  for (const path of ["/api/trpc/worklist.sites", "/dicomweb/studies?limit=1", "/api/health", "/api/auth/session", "/api/session/expiry"]) {
    const policy = (await page.request.get(path)).headers()["content-security-policy"];
    expect(policy, path).toContain("default-src 'none'");
    expect(policy, path).toContain("frame-ancestors 'none'");
  }
});

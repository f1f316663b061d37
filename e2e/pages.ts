import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Browser, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";
import type { DemoAccount } from "./demo-accounts";

/**
 * Signs in through the real form, in a browser context of its own (French unless `context`
 * says otherwise; also a time zone, a viewport, reduced motion).
 */
export async function signedInPage(browser: Browser, account: DemoAccount, context: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext({ locale: "fr-FR", ...context })).newPage();
  await page.goto("/signin");
  await page.getByLabel("Adresse e-mail").fill(account.email);
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  // Signing in hashes the password (argon2) and renders the first page: slow on a loaded CI machine.
  await expect(page.getByTestId("current-user")).toContainText(account.name, { timeout: 30_000 });
  return page;
}

/** Waits until the socket is connected: from then on, changes arrive without reload. */
export async function waitUntilLive(page: Page): Promise<void> {
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
}

export interface RequestFormValues {
  familyName: string;
  givenName?: string;
  sitePatientId?: string;
  priority?: "VITAL" | "URGENT" | "ROUTINE";
  /** Ticks "patient informed" on the form (the requesting physician told the patient). */
  patientInformed?: boolean;
}

/** Fills and sends the request form as a referrer; returns the new request's id. */
export async function submitTeleDiagnostic(page: Page, values: RequestFormValues): Promise<string> {
  await page.goto("/requests/new");
  await page.locator("#priority").selectOption(values.priority ?? "VITAL");
  await page.locator("#patient\\.familyName").fill(values.familyName);
  await page.locator("#patient\\.givenName").fill(values.givenName ?? "Jeanne");
  await page.locator("#patient\\.birthDate").fill("1948-07-14");
  await page.locator("#patient\\.sex").selectOption("FEMALE");
  await page.locator("#patient\\.sitePatientId").fill(values.sitePatientId ?? `IPP-${values.familyName}`);
  await page.locator("#modality").selectOption("CT");
  await page.locator("#bodyRegion").fill("Encéphale");
  await page.locator("#clinicalContext").fill("Hémiplégie droite et aphasie depuis 30 minutes.");
  await page.locator("#clinicalQuestion").fill("AVC ischémique ? Thrombose ?");
  await page.locator("#contrast\\.renalFunction").selectOption("NORMAL");
  await page.locator("#contrast\\.contrastAllergy").selectOption("NO");
  await page.locator("#contrast\\.pregnancy").selectOption("NOT_APPLICABLE");
  await page.locator("#contrast\\.metformin").selectOption("NO");
  if (values.patientInformed) await page.locator("#patientInformed").check();
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("patient-name")).toContainText(values.familyName.toUpperCase());
  return page.url().split("/").pop()!;
}

export function worklistRow(page: Page, familyName: string) {
  return page.getByTestId("worklist").locator("tr", { hasText: familyName.toUpperCase() });
}

/**
 * Screenshots of a state at the three widths a clinician uses (1440, 768, 390 px), when
 * SHOTS_DIR asks for them: to be looked at, not compared.
 */
export async function shootWhenAsked(page: Page, name: string, target?: Locator): Promise<void> {
  const dir = process.env.SHOTS_DIR ?? process.env.VIEWER_SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const original = page.viewportSize();
  for (const width of [1440, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // A panel alone when the page is long and the panel is what changed.
    if (target) await target.screenshot({ path: path.join(dir, `${name}-${width}.png`) });
    else await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

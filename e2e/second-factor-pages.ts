import { mkdirSync } from "node:fs";
import path from "node:path";
import { generate } from "otplib";
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import type { FreshUser } from "./fresh-user";

/** A browser context of its own, on the page that asks for the password. */
export async function signInPage(browser: Browser, options: { baseURL?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR", ...options });
  const page = await context.newPage();
  await page.goto("/signin");
  return page;
}

/** Types the e-mail and password; an account with a factor then shows the second step. */
export async function typePassword(page: Page, user: FreshUser): Promise<void> {
  await page.getByLabel("Adresse e-mail").fill(user.email);
  await page.getByLabel("Mot de passe").fill(user.password);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
}

export async function expectSignedIn(page: Page, user: FreshUser): Promise<void> {
  await expect(page.getByTestId("current-user")).toContainText(user.name, { timeout: 30_000 });
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL(/\/signin/);
}

/**
 * The code an authenticator app shows, `aheadSeconds` from now. Ahead by one period it belongs
 * to the next time step: accepted (±1 step) and never one already used in this period.
 */
export function totpCode(secret: string, aheadSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + aheadSeconds });
}

/** From the header's name to the account page, then to its security page. */
export async function openSecurityPage(page: Page): Promise<void> {
  await page.getByTestId("current-user").click();
  await page.waitForURL(/\/account$/);
  await page.getByRole("link", { name: "Double authentification et clés d'accès" }).click();
  await page.waitForURL(/\/account\/security$/);
}

/** Sets up the TOTP app from the security page, as a user with their phone would; returns the secret and the recovery codes. */
export async function enrolTotp(page: Page, beforeConfirm?: () => Promise<void>): Promise<{ secret: string; recoveryCodes: string[] }> {
  await openSecurityPage(page);
  const section = page.getByTestId("totp-section");
  await section.getByRole("button", { name: "Configurer une application" }).click();
  await expect(section.getByTestId("totp-qr")).toBeVisible();
  const secret = ((await section.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await beforeConfirm?.();
  await section.getByLabel("Code à 6 chiffres").fill(await totpCode(secret));
  await section.getByRole("button", { name: "Valider le code" }).click();
  const shown = page.getByTestId("recovery-codes");
  await expect(shown.locator("code")).toHaveCount(10);
  const recoveryCodes = (await shown.locator("code").allTextContents()).map((code) => code.trim());
  await shown.getByRole("button", { name: "J'ai noté ces codes" }).click();
  await expect(section).toContainText("Application enregistrée");
  return { secret, recoveryCodes };
}

/** Screenshots of one element at the three widths, when SHOTS_DIR asks for them (a long page's dialog reads better alone). */
export async function shootElementWhenAsked(page: Page, element: Locator, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const original = page.viewportSize();
  for (const width of [1440, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await element.scrollIntoViewIfNeeded();
    await element.screenshot({ path: path.join(dir, `${name}-${width}.png`) });
  }
  if (original) await page.setViewportSize(original);
}

import { test as base } from "@playwright/test";

export { expect, type Browser, type Locator, type Page } from "@playwright/test";

/**
 * Playwright's `test`, plus one rule: every browser context a test opened (each signed-in
 * user is one) is closed when the test ends, passed or failed. The browser is shared by all
 * the tests of a worker; a page left open stays live and refetches at every change of its
 * site, so leaked pages slowed every later test of the suite.
 */
export const test = base.extend<{ closeContexts: void }>({
  closeContexts: [
    async ({ browser }, use) => {
      await use();
      await Promise.all(browser.contexts().map((context) => context.close()));
    },
    { auto: true },
  ],
});

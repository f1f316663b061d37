import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// axe-core against a page as its user sees it: the WCAG 2.1 A and AA rules, and only the
// serious and critical findings fail (moderate ones are advice, not barriers).

const BLOCKING = new Set(["serious", "critical"]);

export interface AxeOptions {
  /** Selectors axe leaves out: only the viewer's WebGL canvas, which has no DOM to audit. */
  exclude?: string[];
}

/** The serious and critical violations of the page, one line each: rule, help, targets. */
export async function seriousViolations(page: Page, options: AxeOptions = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .map((violation) => {
      const targets = violation.nodes.slice(0, 6).map((node) => node.target.join(" ")).join(" | ");
      return `${violation.id} (${violation.impact}): ${violation.help} [${violation.nodes.length} × ${targets}]`;
    });
}

/** Fails (softly: every page of a tour is reported) with the violations' ids, help and targets. */
export async function expectNoSeriousViolations(page: Page, label: string, options: AxeOptions = {}): Promise<void> {
  expect.soft(await seriousViolations(page, options), `axe on ${label}`).toEqual([]);
}

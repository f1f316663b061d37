import type { Page } from "@playwright/test";

// Collects every Content-Security-Policy violation a page meets: the document's
// securitypolicyviolation events (listened to before any page script runs) and the console's
// CSP errors, of the page and of its workers.

const INIT = `
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " blocked " + (event.blockedURI || "inline") + " at " + event.sourceFile + ":" + event.lineNumber);
  });
`;

const CSP_MESSAGE = /content security policy|content-security-policy/i;

export function watchCsp(page: Page): { violations: () => Promise<string[]> } {
  const fromConsole: string[] = [];
  void page.addInitScript(INIT);
  page.on("console", (message) => {
    if (CSP_MESSAGE.test(message.text())) fromConsole.push(`console: ${message.text()}`);
  });
  page.on("worker", (worker) => {
    worker.on("console", (message) => {
      if (CSP_MESSAGE.test(message.text())) fromConsole.push(`worker ${worker.url()}: ${message.text()}`);
    });
  });
  page.on("pageerror", (error) => {
    if (CSP_MESSAGE.test(error.message)) fromConsole.push(`pageerror: ${error.message}`);
  });
  return {
    violations: async () => {
      const events = (await page.evaluate("window.__cspViolations ?? []").catch(() => [])) as string[];
      return [...events, ...fromConsole];
    },
  };
}

/** The nonce of a page's policy header, checked to be the strict one. */
export function nonceOfPolicy(policy: string | undefined): string {
  const scriptSrc = policy?.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src ")) ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
  if (!nonce) throw new Error(`no nonce in script-src: ${policy ?? "(no header)"}`);
  return nonce;
}

import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { signedInPage } from "./pages";

// What a browser and a proxy are told on every answer: no framing by another site, no guessed
// content types, no referrer outside the site, and patient data kept out of every cache.

test("pages, tRPC and DICOMweb answers carry the security headers; patient data is never cached", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.radiologistAllSites);
  const api = page.request;
  const answers = {
    page: await api.get("/worklist"),
    signin: await api.get("/signin"),
    trpc: await api.get("/api/trpc/worklist.sites"),
    dicomweb: await api.get("/dicomweb/studies?limit=1"),
  };
  for (const [name, answer] of Object.entries(answers)) {
    const headers = answer.headers();
    expect.soft(headers["content-security-policy"], name).toContain("frame-ancestors 'none'");
    expect.soft(headers["x-frame-options"], name).toBe("DENY");
    expect.soft(headers["x-content-type-options"], name).toBe("nosniff");
    expect.soft(headers["referrer-policy"], name).toBe("same-origin");
    expect.soft(headers["permissions-policy"], name).toContain("camera=()");
  }
  expect(answers.trpc.status()).toBe(200);
  expect(answers.trpc.headers()["cache-control"]).toBe("no-store");
  expect(answers.dicomweb.headers()["cache-control"]).toContain("no-store");
});

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

test("a write sent by another site's page is refused, and so is its socket", async ({ browser, baseURL }) => {
  const page = await signedInPage(browser, accounts.referrerSal);
  const forged = await page.request.post("/api/trpc/notifications.markRead", {
    data: { json: null },
    headers: { "content-type": "application/json", origin: "https://evil.example" },
  });
  expect(forged.status()).toBe(403);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"))!;
  const handshake = await page.request.get(`${baseURL}/socket.io/?EIO=4&transport=polling`, { headers: { origin: "https://evil.example", cookie: `${session.name}=${session.value}` } });
  expect(handshake.status()).toBe(403);
  const ours = await page.request.get(`${baseURL}/socket.io/?EIO=4&transport=polling`, { headers: { origin: new URL(baseURL!).origin } });
  expect(ours.status()).toBe(200);
});

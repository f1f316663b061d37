import { io } from "socket.io-client";
import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { signedInPage } from "./pages";

// Signing out ends the session on the server: a copy of the cookie taken before is worth
// nothing afterwards, on every door (tRPC, DICOMweb, socket.io), and cannot be renewed.

/** Whether socket.io lets this cookie in: "connected" or the handshake's refusal. */
function socketWith(baseUrl: string, cookie: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = io(baseUrl, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
    socket.on("connect", () => {
      socket.close();
      resolve("connected");
    });
    socket.on("connect_error", (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}

test("after sign-out, the session cookie kept from before answers 401 on tRPC and DICOMweb and is refused by socket.io", async ({ browser, baseURL }) => {
  const page = await signedInPage(browser, accounts.radiologistAllSites);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  const cookie = `${session!.name}=${session!.value}`;
  const api = page.context().request;
  const withCookie = { headers: { cookie } };

  expect((await api.get("/api/trpc/worklist.sites", withCookie)).status()).toBe(200);
  expect((await api.get("/dicomweb/studies?limit=1", withCookie)).status()).toBeLessThan(300);
  expect(await socketWith(baseURL!, cookie)).toBe("connected");

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/signin/);

  expect((await api.get("/api/trpc/worklist.sites", withCookie)).status()).toBe(401);
  expect((await api.get("/dicomweb/studies?limit=1", withCookie)).status()).toBe(401);
  expect(await socketWith(baseURL!, cookie)).toBe("unauthenticated");
  // The session endpoint no longer gives the old cookie a user, and pages send it to sign in.
  const renewed = await api.get("/api/auth/session", withCookie);
  expect(((await renewed.json()) as { userId?: string | null }).userId ?? null).toBeNull();
  const worklist = await browser.newContext({ locale: "fr-FR" });
  await worklist.addCookies([{ ...session! }]);
  const stale = await worklist.newPage();
  await stale.goto("/worklist");
  await expect(stale).toHaveURL(/\/signin/);
});

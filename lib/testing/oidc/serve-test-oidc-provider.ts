// The test OpenID provider as a process of its own: Playwright starts it beside the product
// (playwright.config.ts). Ready when its discovery document answers.
import { createServer } from "node:http";
import { startTestOidcProvider } from "./test-oidc-provider";

const port = Number(process.env.TEST_OIDC_PORT ?? 0);
const provider = await startTestOidcProvider({
  port,
  clients: [
    {
      clientId: process.env.TEST_OIDC_CLIENT_ID ?? "teleradio-e2e",
      clientSecret: process.env.TEST_OIDC_CLIENT_SECRET ?? "teleradio-e2e-secret",
      redirectUris: (process.env.TEST_OIDC_REDIRECT_URIS ?? "").split(",").filter(Boolean),
    },
  ],
});
// A spec playing a program of its own (an external viewer) needs the access token that program
// would hold after its user signed in there: `POST /access-token?idNat=8<RPPS>` mints one, on
// loopback and only when TEST_OIDC_MINT_PORT is set.
const mintPort = Number(process.env.TEST_OIDC_MINT_PORT ?? 0);
if (mintPort > 0) {
  const mint = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const idNat = url.searchParams.get("idNat") ?? "";
    if (req.method !== "POST" || url.pathname !== "/access-token" || !/^8[0-9]{11}$/.test(idNat)) {
      res.writeHead(400, { "Content-Type": "text/plain" }).end("POST /access-token?idNat=8<RPPS>");
      return;
    }
    provider.issueAccessToken(idNat).then(
      (token) => res.writeHead(200, { "Content-Type": "text/plain" }).end(token),
      (error: unknown) => res.writeHead(500, { "Content-Type": "text/plain" }).end(error instanceof Error ? error.message : String(error)),
    );
  });
  await new Promise<void>((resolve) => mint.listen(mintPort, "127.0.0.1", resolve));
}
console.log(`[test-oidc-provider] ${provider.issuer}`);
const stop = () => void provider.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

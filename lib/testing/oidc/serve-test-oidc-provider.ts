// The test OpenID provider as a process of its own: Playwright starts it beside the product
// (playwright.config.ts). Ready when its discovery document answers.
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
console.log(`[test-oidc-provider] ${provider.issuer}`);
const stop = () => void provider.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

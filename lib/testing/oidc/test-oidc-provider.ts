// A real OpenID Connect provider for the tests (npm oidc-provider, in-process, on loopback),
// shaped like Pro Santé Connect: scope `openid scope_all`, the professional's idNat_PS ("8" +
// RPPS) in UserInfo's SubjectNameID and preferred_username, an opaque `sub`, the means of
// authentication reported as `acr` (eidas1 for a CPS card or an e-CPS), auth_time always in the
// ID token. Its login page lets a test choose who signs in and how strongly, or cancel.
import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

export interface TestOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface TestOidcProvider {
  issuer: string;
  /**
   * An access token for the account `psc-<idNat>` as if it had signed in at `clientId` (the
   * first client by default) with `openid scope_all`: what an EHR holds after its own sign-in.
   * `expired` makes one already past its expiry.
   */
  issueAccessToken(idNat: string, options?: { clientId?: string; expired?: boolean }): Promise<string>;
  /** Revokes an access token, as the provider's revocation endpoint would. */
  revokeAccessToken(token: string): Promise<void>;
  close(): Promise<void>;
}

/** Authentication means offered on the login page, as the `acr` they report. */
export const TEST_ACR = { strong: "eidas1", weak: "eidas0" } as const;

/** The identifier typed on the login page: Pro Santé Connect's idNat_PS is "8" + the RPPS number. */
export function idNatOf(rpps: string): string {
  return `8${rpps}`;
}

const NO_IDENTIFIER = "none";

export async function startTestOidcProvider(options: { port?: number; host?: string; clients: TestOidcClient[] }): Promise<TestOidcProvider> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, configuration(options.clients));
  const callback = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith("/interaction/")) {
      interaction(provider, req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
        res.end(error instanceof Error ? error.message : String(error));
      });
      return;
    }
    void callback(req, res);
  });
  return {
    issuer,
    issueAccessToken: async (idNat, tokenOptions = {}) => {
      const clientId = tokenOptions.clientId ?? options.clients[0]?.clientId;
      const client = clientId ? await provider.Client.find(clientId) : undefined;
      if (!client) throw new Error(`no test client ${clientId ?? ""}`);
      const accountId = `psc-${idNat}`;
      const grant = new provider.Grant({ accountId, clientId: client.clientId });
      grant.addOIDCScope("openid scope_all");
      const grantId = await grant.save();
      const token = new provider.AccessToken({ accountId, client, grantId, gty: "authorization_code", scope: "openid scope_all" });
      // The opaque format takes an explicit exp over its time-to-live.
      if (tokenOptions.expired) token.exp = Math.floor(Date.now() / 1000) - 60;
      return token.save();
    },
    revokeAccessToken: async (token) => {
      const found = await provider.AccessToken.find(token);
      await found?.destroy();
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function configuration(clients: TestOidcClient[]): Configuration {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    clients: clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
      require_auth_time: true,
    })),
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test-oidc-provider", alg: "RS256", use: "sig" }] },
    cookies: { keys: ["test-oidc-provider-cookie-key-not-secret"] },
    scopes: ["openid", "scope_all"],
    claims: {
      openid: ["sub"],
      scope_all: ["SubjectNameID", "preferred_username", "given_name", "family_name", "SubjectOrganization", "otherIds"],
    },
    acrValues: [TEST_ACR.strong, TEST_ACR.weak],
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, accountId) => ({
      accountId,
      claims: () => claimsOf(accountId),
    }),
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = page("Erreur", `<pre data-testid="provider-error">${escape(JSON.stringify(out))}</pre>`);
    },
  };
}

/** The account id is the identifier typed (after a prefix: `sub` must not look like an RPPS). */
function claimsOf(accountId: string) {
  const idNat = accountId.replace(/^psc-/, "");
  const identity = idNat === NO_IDENTIFIER ? {} : { SubjectNameID: idNat, preferred_username: idNat, otherIds: [{ identifiant: idNat.slice(1), origine: "RPPS", qualite: 1 }] };
  return { sub: accountId, given_name: "Camille", family_name: "TESTPSC", SubjectOrganization: "Cabinet de test", ...identity };
}

async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method === "POST") {
    const form = new URLSearchParams(await bodyOf(req));
    if (form.has("cancel")) {
      await provider.interactionFinished(req, res, { error: "access_denied", error_description: "End-User aborted interaction" }, { mergeWithLastSubmission: false });
      return;
    }
    if (details.prompt.name === "login") {
      const identifier = (form.get("idnat") ?? "").trim() || NO_IDENTIFIER;
      const acr = form.get("acr") === TEST_ACR.weak ? TEST_ACR.weak : TEST_ACR.strong;
      await provider.interactionFinished(req, res, { login: { accountId: `psc-${identifier}`, acr, amr: acr === TEST_ACR.strong ? ["mfa"] : ["pwd"] } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session?.accountId, clientId: String(details.params.client_id) });
    if (!grant) throw new Error("grant gone");
    grant.addOIDCScope(String(details.params.scope ?? "openid"));
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    return;
  }
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  res.end(details.prompt.name === "login" ? loginPage(details.uid) : consentPage(details.uid, String(details.params.scope ?? "")));
}

function loginPage(uid: string): string {
  return page(
    "Pro Santé Connect (test) : authentification",
    `<form method="post" action="/interaction/${escape(uid)}">
      <p><label for="idnat">Identifiant national (idNat_PS)</label><br><input id="idnat" name="idnat" autocomplete="off"></p>
      <p><label for="acr">Moyen d'authentification</label><br>
        <select id="acr" name="acr">
          <option value="${TEST_ACR.strong}">Carte CPS ou e-CPS (eidas1)</option>
          <option value="${TEST_ACR.weak}">Mot de passe seul (niveau insuffisant)</option>
        </select></p>
      <p><button type="submit" name="login">S'authentifier</button> <button type="submit" name="cancel">Annuler</button></p>
    </form>`,
  );
}

function consentPage(uid: string, scope: string): string {
  return page(
    "Pro Santé Connect (test) : consentement",
    `<p>Le service demande : <code>${escape(scope)}</code></p>
    <form method="post" action="/interaction/${escape(uid)}">
      <button type="submit" name="consent">Autoriser</button> <button type="submit" name="cancel">Refuser</button>
    </form>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > 10_000) req.destroy(new Error("body too large"));
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { signedInPage } from "./pages";

test("the HTTP API refuses bad input with precise 4xx answers and stays up", async ({ browser }) => {
  const page = await signedInPage(browser, accounts.referrerSal);
  const api = page.request;
  const submit = (data: unknown, headers: Record<string, string> = {}) =>
    api.post("/api/trpc/requests.submit", { data: data as never, headers: { "content-type": "application/json", ...headers } });

  const oversized = await submit({ json: { clinicalContext: "x".repeat(400_000) } });
  expect(oversized.status()).toBe(413);

  const malformed = await api.post("/api/trpc/requests.submit", {
    data: "{not json",
    headers: { "content-type": "application/json" },
  });
  expect(malformed.status()).toBe(400);

  const wrongTypes = await submit({ json: { type: 42, patient: "nobody" } });
  expect(wrongTypes.status()).toBe(400);
  const body = (await wrongTypes.json()) as { error: { json: { data: { fieldErrors: Record<string, string> } } } };
  expect(Object.keys(body.error.json.data.fieldErrors)).toContain("type");

  const unknownProcedure = await api.get("/api/trpc/requests.nope");
  expect(unknownProcedure.status()).toBe(404);

  const anonymous = await page.context().browser()!.newContext();
  const unauthenticated = await anonymous.request.get(`${test.info().project.use.baseURL}/api/trpc/worklist.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`);
  expect(unauthenticated.status()).toBe(401);

  expect((await api.get("/api/health")).status()).toBe(200);

  // A batch is bounded: the browser's link never sends more than the server takes.
  const batch = (size: number) => api.get(`/api/trpc/${Array(size).fill("worklist.sites").join(",")}?batch=1&input=${encodeURIComponent("{}")}`);
  expect((await batch(40)).status()).toBe(200);
  expect((await batch(41)).status()).toBe(400);

  // A NUL in a text answers 400, not the database's 500.
  const withNul = await submit({ json: { clinicalContext: "Chute\u0000" } });
  expect(withNul.status()).toBe(400);
  expect(await withNul.text()).toContain("control character in input.clinicalContext");
});

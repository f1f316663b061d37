import { expect, test } from "./test";
import { accounts } from "./demo-accounts";
import { signedInPage, submitTeleDiagnostic, waitUntilLive, worklistRow } from "./pages";

test("a worklist that lost its connection catches up with what it missed when it reconnects", async ({ browser }) => {
  // Several browser contexts on a 2-core machine shared with the server: give it room.
  test.slow();
  const familyName = `Resync${Date.now().toString(36)}`;
  const radiologist = await signedInPage(browser, accounts.radiologistSalVrn);
  await waitUntilLive(radiologist);

  // Cut the radiologist's network: the socket drops and the hint for the new request is missed.
  await radiologist.context().setOffline(true);
  await expect(radiologist.getByTestId("live-status")).toHaveAttribute("data-status", "offline");

  const referrer = await signedInPage(browser, accounts.referrerSal);
  await submitTeleDiagnostic(referrer, { familyName, priority: "URGENT" });
  await expect(worklistRow(radiologist, familyName)).toHaveCount(0);

  // Back online: socket.io reconnects, the welcome triggers a full refetch, the request shows.
  await radiologist.context().setOffline(false);
  await waitUntilLive(radiologist);
  await expect(worklistRow(radiologist, familyName)).toBeVisible();
});

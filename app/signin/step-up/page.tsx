import { returnPathOf } from "@/lib/domain/return-path";
import { getTranslator } from "@/lib/i18n/server-locale";
import { publicOrigin } from "@/lib/server/auth/auth-options";
import { oidcConfig } from "@/lib/server/auth/oidc/oidc-config";
import { homePath, requireActor } from "@/lib/server/auth/require-actor";
import { StepUpPanel } from "@/lib/ui/auth/step-up-panel";

// "Confirm who you are" before an act that needs a fresh strong authentication: a page any
// flow can link to (`/signin/step-up?callbackUrl=<path>`), beside the client helper
// (lib/ui/auth/start-oidc-step-up.ts) that dialogs call directly.
export default async function StepUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const query = await searchParams;
  const returnTo = returnPathOf(typeof query.callbackUrl === "string" ? query.callbackUrl : null, publicOrigin()) ?? homePath(actor);
  const { t } = await getTranslator();
  const providerName = oidcConfig()?.displayName ?? null;
  return (
    <div className="signin">
      <h1>{t("oidc.stepUp.title")}</h1>
      <StepUpPanel providerName={providerName} returnTo={returnTo} />
    </div>
  );
}

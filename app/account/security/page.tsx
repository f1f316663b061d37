import { redirect } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server-locale";
import { currentSession } from "@/lib/server/auth/current-actor";
import { SecurityPage } from "@/lib/ui/security/security-page";

// The account's second factors. The one page a session that must enrol first may see
// (lib/server/auth/require-actor.ts sends it here); its procedures are the security router's.
export default async function AccountSecurityPage() {
  const session = await currentSession();
  if (!session) redirect("/signin");
  const { t } = await getTranslator();
  return (
    <div className="account-security">
      <h1>{t("security.title")}</h1>
      <SecurityPage enrolmentOnly={session.reach !== "FULL"} />
    </div>
  );
}

import Link from "next/link";
import { canEditSettings } from "@/lib/domain/rota/rota-access";
import { getTranslator } from "@/lib/i18n/server-locale";
import { requireActor } from "@/lib/server/auth/require-actor";
import { getQueryClient, HydrateClient, serverTrpc } from "@/lib/trpc/server";
import { AccountsPanel } from "@/lib/ui/admin/accounts-panel";
import { DicomSendersEditor } from "@/lib/ui/admin/dicom-senders-editor";
import { MoveDestinationsEditor } from "@/lib/ui/admin/move-destinations-editor";
import { ReportDestinationsEditor } from "@/lib/ui/admin/report-destinations-editor";
import { PriorityTargetsEditor } from "@/lib/ui/admin/priority-targets-editor";
import { RisInterfacesEditor } from "@/lib/ui/admin/ris-interfaces-editor";
import { PrivilegesEditor } from "@/lib/ui/admin/privileges-editor";
import { ProtocolCatalogueEditor } from "@/lib/ui/admin/protocol-catalogue-editor";
import { SignInLocksPanel } from "@/lib/ui/admin/sign-in-locks-panel";
import { SiteSettingsEditor } from "@/lib/ui/admin/site-settings-editor";

// The administrator manages accounts, privileges, site settings, catalogues and the DICOM
// senders' allowed addresses; the department head comes here for the escalation delays only.
export default async function AdminPage() {
  const actor = await requireActor(["ADMIN", "DEPARTMENT_HEAD"]);
  const { t } = await getTranslator();
  const admin = canEditSettings(actor);
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(serverTrpc.settings.targets.queryOptions()),
    ...(admin
      ? [
          queryClient.prefetchQuery(serverTrpc.settings.privileges.queryOptions()),
          queryClient.prefetchQuery(serverTrpc.settings.sites.queryOptions()),
          queryClient.prefetchQuery(serverTrpc.accounts.signInLocks.queryOptions()),
          queryClient.prefetchQuery(serverTrpc.accounts.list.queryOptions()),
          queryClient.prefetchQuery(serverTrpc.senders.list.queryOptions()),
          queryClient.prefetchQuery(serverTrpc.moveDestinations.list.queryOptions()),
          queryClient.prefetchQuery(serverTrpc.risInterfaces.list.queryOptions()),
        ]
      : []),
  ]);
  return (
    <HydrateClient>
      <h1>{t("admin.title")}</h1>
      <p>
        <Link href="/admin/templates">{t("templates.title")}</Link>
      </p>
      <div style={{ display: "grid", gap: "1rem", gridTemplateColumns: "minmax(0, 1fr)" }}>
        {admin && <AccountsPanel />}
        {admin && <SignInLocksPanel />}
        {admin && <PrivilegesEditor />}
        {admin && <SiteSettingsEditor />}
        <PriorityTargetsEditor />
        {admin && <ProtocolCatalogueEditor />}
        {admin && <DicomSendersEditor />}
        {admin && <MoveDestinationsEditor />}
        {admin && <ReportDestinationsEditor />}
        {admin && <RisInterfacesEditor />}
      </div>
    </HydrateClient>
  );
}

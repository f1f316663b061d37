import Link from "next/link";
import { TEMPLATE_EDITORS } from "@/lib/domain/reports/template-admin-schemas";
import { getTranslator } from "@/lib/i18n/server-locale";
import { requireActor } from "@/lib/server/auth/require-actor";
import { getQueryClient, HydrateClient, serverTrpc } from "@/lib/trpc/server";
import { TemplatesAdmin } from "@/lib/ui/templates/templates-admin";

// Report templates are data: the administrator and department heads edit them here. Saving
// makes a new version; the versions signed reports point at are never changed.
export default async function TemplatesAdminPage() {
  await requireActor(TEMPLATE_EDITORS);
  const { t } = await getTranslator();
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(serverTrpc.templates.list.queryOptions());
  return (
    <HydrateClient>
      <p>
        <Link href="/admin">{t("templates.backToAdmin")}</Link>
      </p>
      <h1>{t("templates.title")}</h1>
      <p className="muted">{t("templates.intro")}</p>
      <TemplatesAdmin />
    </HydrateClient>
  );
}

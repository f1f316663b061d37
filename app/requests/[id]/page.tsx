import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server-locale";
import { requireActor } from "@/lib/server/auth/require-actor";
import { getDb } from "@/lib/server/db/client";
import { isRequestVisible } from "@/lib/server/services/requests/is-request-visible";
import { getQueryClient, HydrateClient, serverTrpc } from "@/lib/trpc/server";
import { RequestDetailView } from "@/lib/ui/requests/request-detail-view";

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor(["REFERRER", "RADIOGRAPHER", "RADIOLOGIST", "DEPARTMENT_HEAD"]);
  const { id } = await params;
  // A foreign site's request answers exactly like a missing one.
  if (!(await isRequestVisible({ db: getDb(), actor, requestId: id }))) notFound();
  const { t } = await getTranslator();
  await getQueryClient().prefetchQuery(serverTrpc.requests.byId.queryOptions({ requestId: id }));
  return (
    <HydrateClient>
      <Link href="/worklist">{t("app.backToWorklist")}</Link>
      <RequestDetailView requestId={id} actorId={actor.id} canClaim={actor.role === "RADIOLOGIST"} />
    </HydrateClient>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server-locale";
import { requireActor } from "@/lib/server/auth/require-actor";
import { getDb } from "@/lib/server/db/client";
import { isRequestVisible } from "@/lib/server/services/requests/is-request-visible";
import { getQueryClient, HydrateClient, serverTrpc } from "@/lib/trpc/server";
import { CriticalTopBanner } from "@/lib/ui/critical/critical-top-banner";
import { RequestDetailView } from "@/lib/ui/requests/request-detail-view";
import { BackToWorklistKey } from "@/lib/ui/worklist/back-to-worklist-key";

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor(["REFERRER", "RADIOGRAPHER", "RADIOLOGIST", "DEPARTMENT_HEAD"]);
  const { id } = await params;
  // A foreign site's request answers exactly like a missing one.
  if (!(await isRequestVisible({ db: getDb(), actor, requestId: id }))) notFound();
  const { t } = await getTranslator();
  await getQueryClient().prefetchQuery(serverTrpc.requests.byId.queryOptions({ requestId: id }));
  return (
    <HydrateClient>
      {/* First on the page, above everything: a critical finding waiting for acknowledgement. */}
      <CriticalTopBanner requestId={id} />
      <BackToWorklistKey />
      <Link href="/worklist" className="no-print">
        {t("app.backToWorklist")}
      </Link>
      <RequestDetailView requestId={id} actorId={actor.id} canClaim={actor.role === "RADIOLOGIST"} />
    </HydrateClient>
  );
}

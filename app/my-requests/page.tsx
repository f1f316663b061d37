import { redirect } from "next/navigation";
import { MY_REQUESTS_PAGE } from "@/lib/domain/reports/delivery-schemas";
import { getTranslator } from "@/lib/i18n/server-locale";
import { requireActor } from "@/lib/server/auth/require-actor";
import { getQueryClient, HydrateClient, serverTrpc } from "@/lib/trpc/server";
import { MyRequestsView } from "@/lib/ui/portal/my-requests-view";

export default async function MyRequestsPage() {
  const actor = await requireActor();
  // Only a referring physician has requests of their own; everyone else works from the worklist.
  if (actor.role !== "REFERRER") redirect("/worklist");
  const { t } = await getTranslator();
  await getQueryClient().prefetchInfiniteQuery(
    serverTrpc.portal.myRequests.infiniteQueryOptions({ filter: "ALL", limit: MY_REQUESTS_PAGE }, { getNextPageParam: (page) => page.nextCursor }),
  );
  return (
    <HydrateClient>
      <h1>{t("portal.title")}</h1>
      <p className="muted">{t("portal.intro")}</p>
      <MyRequestsView />
    </HydrateClient>
  );
}

import { redirect } from "next/navigation";
import { instantToWallClock } from "@/lib/domain/rota/wall-clock";
import { getTranslator } from "@/lib/i18n/server-locale";
import { homePath, requireActor } from "@/lib/server/auth/require-actor";
import { getQueryClient, HydrateClient, serverTrpc } from "@/lib/trpc/server";
import { parseDashboardSearch, toSearchParams, type SearchRecord } from "@/lib/ui/dashboard/dashboard-url-state";
import { TurnaroundDashboard } from "@/lib/ui/dashboard/turnaround-dashboard";

// The turnaround dashboard is the department head's only (per-radiologist figures included):
// anyone else goes back to their own start page before anything is computed or rendered.
export default async function DashboardPage(props: { searchParams: Promise<SearchRecord> }) {
  const actor = await requireActor();
  if (actor.role !== "DEPARTMENT_HEAD") redirect(homePath(actor));
  const { t } = await getTranslator();
  // "Today" in the territory, handed to the browser so both sides default to the same period
  // and the prefetched figures are the ones the browser asks for.
  const today = instantToWallClock(new Date()).date;
  const query = parseDashboardSearch(toSearchParams(await props.searchParams), today);
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(serverTrpc.dashboard.options.queryOptions()),
    queryClient.prefetchQuery(serverTrpc.dashboard.view.queryOptions(query)),
  ]);
  return (
    <HydrateClient>
      <h1>{t("dashboard.title")}</h1>
      <p className="muted">{t("dashboard.intro")}</p>
      <TurnaroundDashboard today={today} />
    </HydrateClient>
  );
}

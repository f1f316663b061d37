import { ROLES } from "@/lib/domain/enums";
import { calendarDays, calendarWindow } from "@/lib/domain/rota/calendar";
import { canEditRota, canReadRota } from "@/lib/domain/rota/rota-access";
import { instantToWallClock } from "@/lib/domain/rota/wall-clock";
import { getTranslator } from "@/lib/i18n/server-locale";
import { requireActor } from "@/lib/server/auth/require-actor";
import { getQueryClient, HydrateClient, serverTrpc } from "@/lib/trpc/server";
import { OnCallNowPanel } from "@/lib/ui/rota/on-call-now-panel";
import { RotaView } from "@/lib/ui/rota/rota-view";

// Everyone signed in sees "who is on call now" for their sites; radiologists, heads and
// administrators see the calendar; heads and administrators edit it.
export default async function RotaPage() {
  const actor = await requireActor(ROLES);
  const { t } = await getTranslator();
  const today = instantToWallClock(new Date()).date;
  const queryClient = getQueryClient();
  const readsRota = canReadRota(actor);
  await Promise.all([
    queryClient.prefetchQuery(serverTrpc.rota.onCallSites.queryOptions()),
    ...(readsRota
      ? [
          queryClient.prefetchQuery(serverTrpc.rota.list.queryOptions(calendarWindow(calendarDays("week", today)))),
          queryClient.prefetchQuery(serverTrpc.rota.options.queryOptions()),
        ]
      : []),
  ]);
  return (
    <HydrateClient>
      <h1>{t("rota.title")}</h1>
      <p className="muted">{t("rota.intro")}</p>
      <div style={{ display: "grid", gap: "1rem" }}>
        <OnCallNowPanel />
        {readsRota && <RotaView today={today} canEdit={canEditRota(actor)} />}
      </div>
    </HydrateClient>
  );
}

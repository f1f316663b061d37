import { NOTIFICATION_CENTRE_PAGE } from "@/lib/domain/notifications";
import { getTranslator } from "@/lib/i18n/server-locale";
import { requireActor } from "@/lib/server/auth/require-actor";
import { getQueryClient, HydrateClient, serverTrpc } from "@/lib/trpc/server";
import { NotificationCentre } from "@/lib/ui/notifications/notification-centre";

export default async function NotificationsPage() {
  await requireActor(["REFERRER", "RADIOGRAPHER", "RADIOLOGIST", "DEPARTMENT_HEAD"]);
  const { t } = await getTranslator();
  await getQueryClient().prefetchInfiniteQuery(
    serverTrpc.notifications.list.infiniteQueryOptions(
      { limit: NOTIFICATION_CENTRE_PAGE, unreadOnly: false },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  return (
    <HydrateClient>
      <h1>{t("notifications.title")}</h1>
      <NotificationCentre />
    </HydrateClient>
  );
}

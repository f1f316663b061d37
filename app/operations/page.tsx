import { redirect } from "next/navigation";
import { getTranslator } from "@/lib/i18n/server-locale";
import { homePath, requireActor } from "@/lib/server/auth/require-actor";
import { getQueryClient, HydrateClient, serverTrpc } from "@/lib/trpc/server";
import { OperationsBoardView } from "@/lib/ui/operations/operations-board-view";

export default async function OperationsPage() {
  const actor = await requireActor();
  // The live board supervises the whole territory and names radiologists' loads: the head's only.
  if (actor.role !== "DEPARTMENT_HEAD") redirect(homePath(actor));
  const { t } = await getTranslator();
  await getQueryClient().prefetchQuery(serverTrpc.operations.board.queryOptions());
  return (
    <HydrateClient>
      <h1>{t("operations.title")}</h1>
      <p className="muted">{t("operations.intro")}</p>
      <OperationsBoardView />
    </HydrateClient>
  );
}

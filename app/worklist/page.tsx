import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server-locale";
import { requireActor } from "@/lib/server/auth/require-actor";
import { getQueryClient, HydrateClient, serverTrpc } from "@/lib/trpc/server";
import { EscalatedBoard } from "@/lib/ui/assignment/escalated-board";
import { EMPTY_FILTERS, toWorklistQueryInput } from "@/lib/ui/worklist/worklist-query";
import { WorklistView } from "@/lib/ui/worklist/worklist-view";

export default async function WorklistPage() {
  const actor = await requireActor(["REFERRER", "RADIOGRAPHER", "RADIOLOGIST", "DEPARTMENT_HEAD"]);
  const { t } = await getTranslator();
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(serverTrpc.worklist.list.queryOptions(toWorklistQueryInput(EMPTY_FILTERS))),
    queryClient.prefetchQuery(serverTrpc.worklist.sites.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <div style={{ display: "flex", alignItems: "center", gap: "1rem" }}>
        <h1 style={{ flex: 1 }}>{t("worklist.title")}</h1>
        {actor.role === "REFERRER" && (
          <Link className="button" href="/requests/new">
            {t("worklist.newRequest")}
          </Link>
        )}
      </div>
      {/* The department head's board: what escalated and is still not taken. */}
      {actor.role === "DEPARTMENT_HEAD" && <EscalatedBoard />}
      <WorklistView actorId={actor.id} canClaim={actor.role === "RADIOLOGIST"} />
    </HydrateClient>
  );
}

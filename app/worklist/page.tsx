import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server-locale";
import { requireActor } from "@/lib/server/auth/require-actor";
import { WorklistView } from "@/lib/ui/worklist/worklist-view";

export default async function WorklistPage() {
  const actor = await requireActor(["REFERRER", "RADIOGRAPHER", "RADIOLOGIST", "DEPARTMENT_HEAD"]);
  const { t } = await getTranslator();
  return (
    <>
      <div style={{ display: "flex", alignItems: "center", gap: "1rem" }}>
        <h1 style={{ flex: 1 }}>{t("worklist.title")}</h1>
        {actor.role === "REFERRER" && (
          <Link className="button" href="/requests/new">
            {t("worklist.newRequest")}
          </Link>
        )}
      </div>
      <WorklistView actorId={actor.id} canClaim={actor.role === "RADIOLOGIST"} />
    </>
  );
}

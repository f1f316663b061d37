import { getTranslator } from "@/lib/i18n/server-locale";
import { requireActor } from "@/lib/server/auth/require-actor";

export default async function AdminPage() {
  await requireActor(["ADMIN"]);
  const { t } = await getTranslator();
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p className="panel">{t("admin.intro")}</p>
    </>
  );
}

import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server-locale";

export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <div className="panel" data-testid="not-found">
      <h1>404</h1>
      <p>{t("errors.notFoundPage")}</p>
      <Link href="/">{t("app.backToWorklist")}</Link>
    </div>
  );
}

import { getTranslator } from "@/lib/i18n/server-locale";
import { requireActor } from "@/lib/server/auth/require-actor";
import { SubmitRequestForm } from "@/lib/ui/requests/submit-request-form";

export default async function NewRequestPage() {
  await requireActor(["REFERRER"]);
  const { t } = await getTranslator();
  return (
    <>
      <h1>{t("form.title")}</h1>
      <SubmitRequestForm />
    </>
  );
}

"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { PasskeysSection } from "./passkeys-section";
import { RecoveryCodesShown } from "./recovery-codes-shown";
import { RecoverySection } from "./recovery-section";
import { TotpSection } from "./totp-section";

/**
 * The account's second factors: the TOTP app, passkeys, recovery codes. A session that must
 * enrol first sees why; once a factor is confirmed its session is strong and a full
 * navigation opens the application.
 */
export function SecurityPage({ enrolmentOnly }: { enrolmentOnly: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const factors = useQuery(trpc.security.factors.queryOptions());
  const [codes, setCodes] = useState<string[] | null>(null);

  const changed = async (recoveryCodes?: string[] | null) => {
    if (recoveryCodes) setCodes(recoveryCodes);
    await queryClient.invalidateQueries({ queryKey: trpc.security.factors.queryKey() });
  };
  const acknowledged = () => {
    setCodes(null);
    // The enrolment made this session strong: the layout (header, navigation) must know.
    if (enrolmentOnly) window.location.assign("/");
  };

  return (
    <div className="security-sections">
      {enrolmentOnly && (
        <p className="warning" role="alert" data-testid="enrolment-required">
          {t("security.required")}
        </p>
      )}
      <p className="muted">{t("security.intro")}</p>
      {codes && <RecoveryCodesShown codes={codes} onDone={acknowledged} />}
      {!factors.data ? (
        <p className="muted">{t("security.loading")}</p>
      ) : (
        <>
          <TotpSection state={factors.data.totp} onChanged={changed} />
          <PasskeysSection passkeys={factors.data.passkeys} withCode={factors.data.totp === "ENROLLED"} onChanged={changed} />
          {(factors.data.totp === "ENROLLED" || factors.data.passkeys.length > 0) && (
            <RecoverySection left={factors.data.recoveryCodesLeft} withCode={factors.data.totp === "ENROLLED"} onChanged={changed} />
          )}
        </>
      )}
    </div>
  );
}

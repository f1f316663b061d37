"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import { signInAgainKeepingForms } from "./kept-forms";
import { useSessionExpiry } from "./use-session-expiry";
import { useSessionUserId } from "./session-user";

/**
 * The warning a few minutes before the session ends, and the notice once it has: "stay signed
 * in" when the idle limit is the cause (the absolute limit cannot be put off), "sign in again"
 * once over, which keeps the forms on screen and comes back here.
 */
export function SessionExpiryBanner() {
  const { t } = useI18n();
  const userId = useSessionUserId();
  const { notice, renew, renewing } = useSessionExpiry(userId !== null);
  if (userId === null || notice.kind === "NONE") return null;

  const signInAgain = () => signInAgainKeepingForms(userId);
  if (notice.kind === "EXPIRED") {
    return (
      <div className="session-banner session-banner-over" role="alertdialog" aria-labelledby="session-banner-text" data-testid="session-expired">
        <p id="session-banner-text">{t("session.expired")}</p>
        <button type="button" onClick={signInAgain}>
          {t("session.signInAgain")}
        </button>
      </div>
    );
  }
  const left = notice.secondsLeft < 60 ? t("session.expiresInSeconds", { seconds: notice.secondsLeft }) : t("session.expiresInMinutes", { minutes: notice.minutesLeft });
  return (
    <div className="session-banner" role="alertdialog" aria-labelledby="session-banner-text" data-testid="session-warning" data-cause={notice.canRenew ? "idle" : "absolute"}>
      <p id="session-banner-text">
        <strong>{left}</strong> {notice.canRenew ? t("session.idleHint") : t("session.absoluteHint")}
      </p>
      {notice.canRenew ? (
        <button type="button" disabled={renewing} onClick={() => void renew()}>
          {t("session.stay")}
        </button>
      ) : (
        <button type="button" className="secondary" onClick={signInAgain}>
          {t("session.signInAgain")}
        </button>
      )}
    </div>
  );
}

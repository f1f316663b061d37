"use client";

import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { LocalDateTime } from "../local-date-time";

export interface IssuedLinkView {
  name: string;
  email: string;
  url: string;
  expiresAt: Date;
  mailed: boolean;
}

/** A one-time link, shown once to the administrator who asked for it, with a copy button. */
export function IssuedLinkNotice({ link, onClose }: { link: IssuedLinkView; onClose: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="panel issued-link" role="status" data-testid="issued-link">
      <strong>{t("account.admin.linkTitle", { name: link.name })}</strong>
      <p>{link.mailed ? t("account.admin.linkMailed", { email: link.email }) : t("account.admin.linkNotMailed")}</p>
      <div className="issued-link-row">
        <input readOnly value={link.url} aria-label={t("account.admin.linkTitle", { name: link.name })} data-testid="issued-link-url" onFocus={(event) => event.target.select()} />
        <button
          type="button"
          className="secondary"
          onClick={() => void navigator.clipboard?.writeText(link.url).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? t("account.admin.copied") : t("account.admin.copy")}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          ✕
        </button>
      </div>
      <p className="muted">
        {t("account.admin.linkExpires")}{" "}
        <LocalDateTime date={link.expiresAt} />
      </p>
    </div>
  );
}

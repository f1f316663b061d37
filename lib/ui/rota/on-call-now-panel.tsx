"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { LocalDateTime } from "../local-date-time";

/** "De garde maintenant": pick a site, see who is on call for it now (the assignment's query). */
export function OnCallNowPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const sites = useQuery(trpc.rota.onCallSites.queryOptions());
  const [chosen, setChosen] = useState("");
  const siteId = chosen || (sites.data?.length === 1 ? sites.data[0]!.id : "");
  const onCall = useQuery({ ...trpc.rota.onCallNow.queryOptions({ siteId }), enabled: siteId !== "", refetchInterval: 60_000 });

  return (
    <section className="panel" data-testid="oncall-panel">
      <h2 style={{ fontSize: "1rem", marginTop: 0 }}>{t("rota.onCall.title")}</h2>
      <label htmlFor="oncall-site">{t("rota.onCall.site")}</label>{" "}
      <select id="oncall-site" value={siteId} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{t("rota.onCall.choose")}</option>
        {sites.data?.map((site) => (
          <option key={site.id} value={site.id}>
            {site.code} — {site.name}
          </option>
        ))}
      </select>
      {onCall.error && <p className="form-error">{errorMessage(onCall.error, t)}</p>}
      {onCall.data && onCall.data.siteId === siteId && (
        onCall.data.entries.length === 0 ? (
          <p className="muted" data-testid="oncall-nobody">
            {t("rota.onCall.nobody")}
          </p>
        ) : (
          <ul data-testid="oncall-list" style={{ paddingLeft: "1.1rem" }}>
            {onCall.data.entries.map((entry) => (
              <li key={entry.shiftId} data-testid="oncall-entry" data-role={entry.role} data-eligible={entry.hasPrivilege ? "true" : "false"}>
                <strong>{entry.displayName}</strong> · {t(`rota.role.${entry.role}`)}
                {entry.subspecialties.length > 0 && ` · ${entry.subspecialties.map((s) => t(`subspecialty.${s}`)).join(", ")}`} · {t("rota.onCall.until")}{" "}
                <LocalDateTime date={entry.endsAt} />
                {!entry.hasPrivilege && (
                  <span className="form-error" data-testid="oncall-privilege-expired" style={{ display: "block" }}>
                    {t("rota.onCall.privilegeExpired")}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )
      )}
    </section>
  );
}

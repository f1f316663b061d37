"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import { colourOf } from "./rota-format";

/** Who is which colour, which code is which site, and how roles are drawn. */
export function RotaLegend(props: { radiologists: { id: string; displayName: string }[]; sites: { id: string; code: string; name: string }[] }) {
  const { t } = useI18n();
  const ids = props.radiologists.map((r) => r.id);
  return (
    <aside className="panel" data-testid="rota-legend" style={{ fontSize: "0.85rem" }}>
      <strong>{t("rota.legend.radiologists")}</strong>
      <ul style={{ listStyle: "none", padding: 0, margin: "0.3rem 0" }}>
        {props.radiologists.map((r) => (
          <li key={r.id}>
            <span aria-hidden style={{ display: "inline-block", width: 12, height: 12, borderRadius: 3, marginRight: 6, background: colourOf(r.id, ids) }} />
            {r.displayName}
          </li>
        ))}
      </ul>
      <p className="muted" style={{ margin: "0.3rem 0" }}>
        {t("rota.legend.primary")} · {t("rota.legend.backup")}
      </p>
      <strong>{t("rota.legend.sites")}</strong>
      <ul style={{ listStyle: "none", padding: 0, margin: "0.3rem 0" }}>
        {props.sites.map((site) => (
          <li key={site.id}>
            <code>{site.code}</code> {site.name}
          </li>
        ))}
      </ul>
    </aside>
  );
}

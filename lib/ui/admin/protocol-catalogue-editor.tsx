"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { MODALITIES, type Modality } from "@/lib/domain/enums";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { useTRPC } from "@/lib/trpc/react";
import { SettingsMessage } from "./settings-message";
import { useSettingsFeedback } from "./use-settings-mutation";

/** A site's protocol catalogue: list, add, deactivate (items are never deleted). */
export function ProtocolCatalogueEditor() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const sites = useQuery(trpc.settings.sites.queryOptions());
  const [chosen, setChosen] = useState("");
  const siteId = chosen || sites.data?.sites[0]?.id || "";
  const catalogue = useQuery({ ...trpc.settings.catalogue.queryOptions({ siteId }), enabled: siteId !== "" });
  const added = useSettingsFeedback("rota.admin.catalogue.added");
  const toggled = useSettingsFeedback("rota.admin.catalogue.updated");
  const add = useMutation(trpc.settings.addProtocolItem.mutationOptions(added.callbacks));
  const toggle = useMutation(trpc.settings.setProtocolItemActive.mutationOptions(toggled.callbacks));
  const [code, setCode] = useState("");
  const [label, setLabel] = useState("");
  const [modality, setModality] = useState<Modality>("CT");
  const [contrast, setContrast] = useState(false);

  function onAdd(event: FormEvent) {
    event.preventDefault();
    add.mutate({ siteId, code, label, modality, contrast }, { onSuccess: () => (setCode(""), setLabel(""), setContrast(false)) });
  }

  return (
    <section className="panel" data-testid="catalogue-editor">
      <h2>{t("rota.admin.catalogue.title")}</h2>
      <label htmlFor="catalogue-site">{t("rota.admin.catalogue.site")}</label>{" "}
      <select id="catalogue-site" value={siteId} onChange={(e) => setChosen(e.target.value)}>
        {sites.data?.sites.map((site) => (
          <option key={site.id} value={site.id}>
            {site.code} — {site.name}
          </option>
        ))}
      </select>
      {catalogue.data?.length === 0 && <p className="muted">{t("rota.admin.catalogue.empty")}</p>}
      {catalogue.data && catalogue.data.length > 0 && (
        <table className="worklist" style={{ marginTop: "0.5rem" }}>
          <thead>
            <tr>
              <th>{t("rota.admin.catalogue.code")}</th>
              <th>{t("rota.admin.catalogue.label")}</th>
              <th>{t("rota.admin.catalogue.modality")}</th>
              <th>{t("rota.admin.catalogue.contrast")}</th>
              <th>{t("rota.admin.catalogue.status")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {catalogue.data.map((item) => (
              <tr key={item.id} data-testid="catalogue-item" style={{ opacity: item.active ? 1 : 0.6 }}>
                <td>
                  <code>{item.code}</code>
                </td>
                <td>{item.label}</td>
                <td>{item.modality}</td>
                <td>{item.contrast ? t("rota.admin.catalogue.yes") : t("rota.admin.catalogue.no")}</td>
                <td>{item.active ? t("rota.admin.catalogue.active") : t("rota.admin.catalogue.inactive")}</td>
                <td>
                  <button type="button" className="secondary" disabled={toggle.isPending} onClick={() => toggle.mutate({ itemId: item.id, active: !item.active })}>
                    {item.active ? t("rota.admin.catalogue.deactivate") : t("rota.admin.catalogue.activate")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={onAdd} style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap", alignItems: "end", marginTop: "0.75rem" }}>
        <label>
          {t("rota.admin.catalogue.code")} <input id="catalogue-code" value={code} maxLength={32} onChange={(e) => setCode(e.target.value)} style={{ width: "8rem" }} />
        </label>
        <label>
          {t("rota.admin.catalogue.label")} <input id="catalogue-label" value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label>
          {t("rota.admin.catalogue.modality")}{" "}
          <select id="catalogue-modality" value={modality} onChange={(e) => setModality(e.target.value as Modality)}>
            {MODALITIES.map((value) => (
              <option key={value} value={value}>
                {t(`modality.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input id="catalogue-contrast" type="checkbox" checked={contrast} onChange={(e) => setContrast(e.target.checked)} /> {t("rota.admin.catalogue.contrast")}
        </label>
        <button type="submit" disabled={add.isPending || !siteId || !code.trim() || !label.trim()}>
          {t("rota.admin.catalogue.add")}
        </button>
      </form>
      <SettingsMessage message={added.message ?? toggled.message} testId="catalogue-message" />
    </section>
  );
}

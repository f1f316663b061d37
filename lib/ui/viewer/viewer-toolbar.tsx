"use client";

import { useI18n } from "@/lib/i18n/i18n-provider";
import { LAYOUTS } from "@/lib/viewer/hanging-protocol";
import { PRESETS } from "@/lib/viewer/presets";
import type { ToolId } from "@/lib/viewer/shortcuts";
import type { ViewerService } from "@/lib/viewer/viewer-service";
import type { ViewerSnapshot } from "@/lib/viewer/viewer-types";

const TOOLS: ToolId[] = ["windowLevel", "scroll", "zoom", "pan", "length", "angle", "ellipse", "rectangle", "probe"];
const ACTIONS = [
  { id: "rotateLeft", action: { kind: "rotate", degrees: -90 } },
  { id: "rotateRight", action: { kind: "rotate", degrees: 90 } },
  { id: "flipHorizontal", action: { kind: "flip", axis: "horizontal" } },
  { id: "flipVertical", action: { kind: "flip", axis: "vertical" } },
  { id: "invert", action: { kind: "invert" } },
  { id: "reset", action: { kind: "reset" } },
] as const;

export function ViewerToolbar({ service, snapshot }: { service: ViewerService | null; snapshot: ViewerSnapshot }) {
  const { t } = useI18n();
  const active = snapshot.viewports[snapshot.activeViewport];
  const { loaded, total } = snapshot.progress;
  return (
    <div className="viewer-toolbar" role="toolbar" aria-label={t("viewer.tools")}>
      <fieldset>
        <legend>{t("viewer.layout")}</legend>
        {LAYOUTS.map((layout) => (
          <button key={layout.id} type="button" className="secondary" aria-pressed={!snapshot.mpr && snapshot.layout === layout.id} data-testid={`layout-${layout.id}`} onClick={() => service?.setLayout(layout.id)}>
            {layout.id}
          </button>
        ))}
        <button
          type="button"
          className="secondary"
          aria-pressed={snapshot.mpr}
          data-testid="toggle-mpr"
          disabled={!snapshot.mpr && !active?.volumeCapable}
          title={active?.volumeCapable ? t("viewer.shortcuts.mpr") : t("viewer.mprUnavailable")}
          onClick={() => service?.handleAction({ kind: "mpr" })}
        >
          {t("viewer.mpr")}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t("viewer.tools")}</legend>
        {TOOLS.map((tool) => (
          <button key={tool} type="button" className="secondary" aria-pressed={snapshot.tool === tool} data-testid={`tool-${tool}`} onClick={() => service?.setTool(tool)}>
            {t(`viewer.toolNames.${tool}`)}
          </button>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("viewer.presets")}</legend>
        <select aria-label={t("viewer.presets")} data-testid="preset-select" value={snapshot.preset ?? ""} onChange={(e) => e.target.value && service?.applyPreset(e.target.value as (typeof PRESETS)[number]["id"])}>
          <option value="">—</option>
          {PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.key} · {t(`viewer.presetNames.${preset.id}`)}
            </option>
          ))}
        </select>
      </fieldset>
      <fieldset>
        <legend>{t("viewer.display")}</legend>
        {ACTIONS.map(({ id, action }) => (
          <button key={id} type="button" className="secondary" data-testid={`action-${id}`} onClick={() => service?.handleAction(action)}>
            {t(`viewer.actions.${id}`)}
          </button>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("viewer.cine")}</legend>
        <button type="button" className="secondary" data-testid="cine-toggle" aria-pressed={snapshot.cine.playing} onClick={() => service?.toggleCine()}>
          {snapshot.cine.playing ? t("viewer.pause") : t("viewer.play")}
        </button>
        <input type="range" min={1} max={60} value={snapshot.cine.fps} aria-label={t("viewer.fps", { fps: snapshot.cine.fps })} data-testid="cine-fps" onChange={(e) => service?.setCineFps(Number(e.target.value))} />
        <span className="muted">{t("viewer.fps", { fps: snapshot.cine.fps })}</span>
      </fieldset>
      <button type="button" className="secondary" data-testid="open-help" onClick={() => service?.setHelpOpen(true)}>
        {t("viewer.help")}
      </button>
      {total > 0 ? (
        <span className="viewer-load" data-testid="viewer-load" data-loaded={loaded} data-total={total}>
          <progress max={total} value={loaded} /> {t("viewer.progress", { loaded, total })}
        </span>
      ) : null}
    </div>
  );
}

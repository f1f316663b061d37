"use client";

import { useMemo } from "react";
import { diffLines } from "@/lib/domain/reports/line-diff";
import { useI18n } from "@/lib/i18n/i18n-provider";

const LINE_STYLE = { display: "block", margin: 0, padding: "0.1rem 0.5rem", whiteSpace: "pre-wrap", textDecoration: "none" } as const;
const ADDED_STYLE = { ...LINE_STYLE, background: "#e6f4ea", borderLeft: "4px solid var(--ok)" } as const;
const REMOVED_STYLE = { ...LINE_STYLE, background: "#fde8e8", borderLeft: "4px solid var(--error)", textDecoration: "line-through" } as const;

/**
 * What changed between two signed versions, line by line: added lines marked in green,
 * removed ones struck through in red.
 */
export function VersionDiff(props: { before: string; after: string; title: string }) {
  const { t } = useI18n();
  const lines = useMemo(() => diffLines(props.before, props.after), [props.before, props.after]);
  const changed = lines.some((line) => line.kind !== "same");
  return (
    <section data-testid="version-diff" aria-label={props.title}>
      <h4 style={{ margin: "0.5rem 0" }}>{props.title}</h4>
      {!changed && <p className="muted">{t("portal.history.noChanges")}</p>}
      {changed && (
        <div style={{ border: "1px solid var(--line)", borderRadius: 8, overflow: "hidden", background: "white" }}>
          {lines.map((line, index) => {
            switch (line.kind) {
              // <ins> and <del> say "added" and "removed" to assistive technology; colour alone would not.
              case "added":
                return (
                  <ins key={index} data-testid="diff-added" title={t("portal.history.added")} style={ADDED_STYLE}>
                    {line.text || "\u00a0"}
                  </ins>
                );
              case "removed":
                return (
                  <del key={index} data-testid="diff-removed" title={t("portal.history.removed")} style={REMOVED_STYLE}>
                    {line.text || "\u00a0"}
                  </del>
                );
              case "same":
                return (
                  <span key={index} className="muted" style={LINE_STYLE}>
                    {line.text || "\u00a0"}
                  </span>
                );
              default: {
                const unreachable: never = line.kind;
                return unreachable;
              }
            }
          })}
        </div>
      )}
    </section>
  );
}

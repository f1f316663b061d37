"use client";

import type { AssignmentExplanation } from "@/lib/domain/assignment/selection";
import { useI18n } from "@/lib/i18n/i18n-provider";

/** Why the holder was chosen, and why each other radiologist on call was not. */
export function AssignmentExplanationView({ explanation }: { explanation: AssignmentExplanation }) {
  const { t } = useI18n();
  return (
    <div data-testid="assignment-explanation">
      <h3>
        {t("assignment.explanation.title")} · {t(`assignment.explanation.${explanation.context}`)}
      </h3>
      <p>
        {explanation.chosenName && explanation.rule
          ? t("assignment.explanation.chosen", { name: explanation.chosenName, rule: t(`assignment.explanation.rules.${explanation.rule}`) })
          : t("assignment.explanation.noneChosen")}
      </p>
      {explanation.candidates.length > 0 && (
        <>
          <p className="muted">{t("assignment.explanation.candidates")}</p>
          <ul data-testid="assignment-candidates">
            {explanation.candidates.map((candidate) => (
              <li key={candidate.id} data-excluded={candidate.excludedBecause ?? undefined}>
                {candidate.id === explanation.chosenId ? <strong>{candidate.name}</strong> : candidate.name} ({t(`assignment.explanation.roles.${candidate.role}`)}) —{" "}
                {candidate.excludedBecause
                  ? t("assignment.explanation.notConsidered", { reason: t(`assignment.explanation.excluded.${candidate.excludedBecause}`) })
                  : t("assignment.explanation.load", { load: candidate.load })}
              </li>
            ))}
          </ul>
          <p className="muted">{t("assignment.explanation.loadHelp")}</p>
        </>
      )}
    </div>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/i18n-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/react";
import { WorklistFilters } from "./worklist-filters";
import { EMPTY_FILTERS, toWorklistQueryInput, type WorklistFilterState } from "./worklist-query";
import { WorklistTable } from "./worklist-table";

/** The live worklist: refetched through tRPC whenever a socket hint says something changed. */
export function WorklistView(props: { actorId: string; canClaim: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<WorklistFilterState>(EMPTY_FILTERS);
  const sites = useQuery(trpc.worklist.sites.queryOptions());
  const worklist = useQuery(trpc.worklist.list.queryOptions(toWorklistQueryInput(filters)));

  return (
    <>
      <WorklistFilters value={filters} sites={sites.data ?? []} onChange={setFilters} />
      {worklist.error && <p className="form-error">{errorMessage(worklist.error, t)}</p>}
      {worklist.data ? (
        <>
          <p className="muted" data-testid="worklist-count">
            {t("worklist.count", { count: worklist.data.length })}
          </p>
          <WorklistTable rows={worklist.data} fetchedAt={worklist.dataUpdatedAt} actorId={props.actorId} canClaim={props.canClaim} />
        </>
      ) : (
        !worklist.error && <p className="muted">{t("app.loading")}</p>
      )}
    </>
  );
}

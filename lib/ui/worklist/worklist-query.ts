import type { Priority, RequestStatus, RequestType } from "@/lib/domain/enums";
import type { WorklistFilterInput } from "@/lib/domain/worklist-filter-schema";

/** The filters on screen: one value each, "" for no filter (statuses: the open ones). */
export interface WorklistFilterState {
  status: RequestStatus | "";
  siteId: string;
  priority: Priority | "";
  type: RequestType | "";
}

export const EMPTY_FILTERS: WorklistFilterState = { status: "", siteId: "", priority: "", type: "" };

/** The procedure input for the filters on screen; the page prefetches it for empty filters. */
export function toWorklistQueryInput(filters: WorklistFilterState): WorklistFilterInput {
  return {
    statuses: filters.status ? [filters.status] : [],
    siteIds: filters.siteId ? [filters.siteId] : [],
    priorities: filters.priority ? [filters.priority] : [],
    types: filters.type ? [filters.type] : [],
  };
}

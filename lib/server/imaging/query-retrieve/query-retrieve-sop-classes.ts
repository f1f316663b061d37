// The Study Root Query/Retrieve Information Model (PS3.4 C.6.2): the three SOP classes the
// archive answers as an SCP. Patient Root and the retired Patient/Study Only models are
// refused at association time, so a PACS falls back to Study Root, which every one supports.
// Accepted in dimse/presentation-contexts.ts; answered by query-retrieve-scp.ts.

export const STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
export const STUDY_ROOT_MOVE = "1.2.840.10008.5.1.4.1.2.2.2";
export const STUDY_ROOT_GET = "1.2.840.10008.5.1.4.1.2.2.3";

const QUERY_RETRIEVE = new Set([STUDY_ROOT_FIND, STUDY_ROOT_MOVE, STUDY_ROOT_GET]);

export function isQueryRetrieveSopClass(uid: string): boolean {
  return QUERY_RETRIEVE.has(uid);
}

import { requireActor } from "@/lib/server/auth/require-actor";
import { PatientSearchResults } from "@/lib/ui/search/patient-search-results";

/** The header's patient search. Whoever has a worklist may search what it could show. */
export default async function SearchPage(props: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requireActor(["REFERRER", "RADIOGRAPHER", "RADIOLOGIST", "DEPARTMENT_HEAD"]);
  const { q } = await props.searchParams;
  // key: a new query is a new search, never the previous answer shown under the new words.
  const query = typeof q === "string" ? q : "";
  return <PatientSearchResults key={query} query={query} />;
}

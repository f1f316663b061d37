import "server-only";
import { linkStudySchema, studyIdSchema } from "@/lib/domain/image-link-schema";
import { unlinkedStudySearchSchema } from "@/lib/domain/unlinked-study-search-schema";
import { requestIdSchema } from "@/lib/domain/worklist-filter-schema";
import { markStudyComplete } from "../../imaging/studies/complete-study-images";
import { linkStudy } from "../../imaging/studies/link-study";
import { listRequestImages } from "../../imaging/studies/list-request-images";
import { searchUnlinkedStudies } from "../../imaging/studies/search-unlinked-studies";
import { roleProcedure, router } from "../init";

const readers = roleProcedure("REFERRER", "RADIOGRAPHER", "RADIOLOGIST", "DEPARTMENT_HEAD");
const siteStaff = roleProcedure("REFERRER", "RADIOGRAPHER");

export const imagesRouter = router({
  forRequest: readers.input(requestIdSchema).query(({ ctx, input }) => listRequestImages({ db: ctx.db, actor: ctx.actor, requestId: input.requestId })),

  searchUnlinked: siteStaff.input(unlinkedStudySearchSchema).query(({ ctx, input }) => searchUnlinkedStudies({ db: ctx.db, actor: ctx.actor, search: input })),

  link: siteStaff.input(linkStudySchema).mutation(({ ctx, input }) => linkStudy({ db: ctx.db, actor: ctx.actor, ...input })),

  markComplete: siteStaff.input(studyIdSchema).mutation(({ ctx, input }) => markStudyComplete({ db: ctx.db, actor: ctx.actor, studyId: input.studyId })),
});

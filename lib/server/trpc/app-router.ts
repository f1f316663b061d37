import "server-only";
import { createCallerFactory, router } from "./init";
import { imagesRouter } from "./routers/images-router";
import { requestsRouter } from "./routers/requests-router";
import { worklistRouter } from "./routers/worklist-router";

export const appRouter = router({
  images: imagesRouter,
  requests: requestsRouter,
  worklist: worklistRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller, used by integration tests and server components. */
export const createCaller = createCallerFactory(appRouter);

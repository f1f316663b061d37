import "server-only";
import { createCallerFactory, router } from "./init";
import { requestsRouter } from "./routers/requests-router";
import { worklistRouter } from "./routers/worklist-router";

export const appRouter = router({
  requests: requestsRouter,
  worklist: worklistRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller, used by integration tests and server components. */
export const createCaller = createCallerFactory(appRouter);

import "server-only";
import { createCallerFactory, router } from "./init";
import { imagesRouter } from "./routers/images-router";
import { requestsRouter } from "./routers/requests-router";
import { worklistRouter } from "./routers/worklist-router";
import { assignmentRouter } from "./routers/assignment-router";
import { notificationsRouter } from "./routers/notifications-router";
import { presenceRouter } from "./routers/presence-router";
import { rotaRouter } from "./routers/rota-router";
import { accountsRouter } from "./routers/accounts-router";
import { myAccountRouter } from "./routers/my-account-router";
import { settingsRouter } from "./routers/settings-router";
import { threadRouter } from "./routers/thread-router";
import { workflowRouter } from "./routers/workflow-router";
import { reportsRouter } from "./routers/reports-router";
import { criticalRouter } from "./routers/critical-router";
import { templatesRouter } from "./routers/templates-router";
import { portalRouter } from "./routers/portal-router";
import { dashboardRouter } from "./routers/dashboard-router";
import { operationsRouter } from "./routers/operations-router";
import { sendersRouter } from "./routers/senders-router";
import { moveDestinationsRouter } from "./routers/move-destinations-router";
import { securityRouter } from "./routers/security-router";
import { risInterfacesRouter } from "./routers/ris-interfaces-router";
import { hl7MessagesRouter } from "./routers/hl7-messages-router";
import { pacsExportsRouter } from "./routers/pacs-exports-router";
import { reportDestinationsRouter } from "./routers/report-destinations-router";


export const appRouter = router({
  images: imagesRouter,
  requests: requestsRouter,
  worklist: worklistRouter,
  assignment: assignmentRouter,
  notifications: notificationsRouter,
  presence: presenceRouter,
  rota: rotaRouter,
  settings: settingsRouter,
  accounts: accountsRouter,
  myAccount: myAccountRouter,
  thread: threadRouter,
  workflow: workflowRouter,
  reports: reportsRouter,
  critical: criticalRouter,
  templates: templatesRouter,
  portal: portalRouter,
  dashboard: dashboardRouter,
  operations: operationsRouter,
  senders: sendersRouter,
  moveDestinations: moveDestinationsRouter,
  security: securityRouter,
  risInterfaces: risInterfacesRouter,
  hl7Messages: hl7MessagesRouter,
  pacsExports: pacsExportsRouter,
  reportDestinations: reportDestinationsRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller, used by integration tests and server components. */
export const createCaller = createCallerFactory(appRouter);

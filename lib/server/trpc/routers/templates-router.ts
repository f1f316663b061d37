import "server-only";
import { router } from "../init";

export const templatesRouter = router({});

import "server-only";
import { router } from "../init";

export const criticalRouter = router({});

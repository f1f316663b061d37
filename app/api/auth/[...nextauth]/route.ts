import { handleAuthRoute } from "@/lib/server/auth/handle-auth-route";

export { handleAuthRoute as GET, handleAuthRoute as POST };

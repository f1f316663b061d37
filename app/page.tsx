import { redirect } from "next/navigation";
import { homePath, requireActor } from "@/lib/server/auth/require-actor";

export default async function HomePage() {
  const actor = await requireActor();
  redirect(homePath(actor));
}

// The demo territory's accounts, as seeded by the server the e2e tests start.
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/demo-territory";

function account(email: string) {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`no demo account ${email}`);
  return { email, password: DEMO_PASSWORD, name: user.displayName };
}

export const accounts = {
  referrerSal: account("urgences.sal@demo.teleradio.fr"),
  referrerVrn: account("urgences.vrn@demo.teleradio.fr"),
  referrerBlr: account("urgences.blr@demo.teleradio.fr"),
  radiographerSal: account("manip.sal@demo.teleradio.fr"),
  radiologistAllSites: account("radio.dubois@demo.teleradio.fr"),
  radiologistSalVrn: account("radio.nguyen@demo.teleradio.fr"),
  radiologistMtcBlr: account("radio.petit@demo.teleradio.fr"),
  head: account("chef.service@demo.teleradio.fr"),
  admin: account("admin@demo.teleradio.fr"),
};

export type DemoAccount = (typeof accounts)[keyof typeof accounts];

// The demo territory: four fictional hospitals of one region, a radiology hub, and users of
// every role. Seeded when the product starts on its embedded database, or by `npm run db:seed`.
import type { Role, SiteKind } from "../lib/generated/prisma/client";

export const DEMO_PASSWORD = "demo-teleradio";

export interface DemoSite {
  code: string;
  name: string;
  kind: SiteKind;
}

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  siteCode?: string;
  /** Sites a radiologist may read for (the inter-hospital agreement). */
  readsFor?: string[];
  /** A fictional RPPS number (11 digits, in no real register): signs in with Pro Santé Connect. */
  rpps?: string;
}

export const DEMO_SITES: DemoSite[] = [
  { code: "MTC", name: "Centre hospitalier de Montclair", kind: "HOSPITAL" },
  { code: "SAL", name: "CH de Saint-Aubin-sur-Loire", kind: "HOSPITAL" },
  { code: "VRN", name: "Hôpital de Vernay", kind: "HOSPITAL" },
  { code: "BLR", name: "CH de Bellerive-les-Bains", kind: "HOSPITAL" },
  { code: "HUB", name: "Pôle d'imagerie territorial Val-de-Brenne", kind: "HUB" },
];

export const DEMO_USERS: DemoUser[] = [
  { email: "urgences.mtc@demo.teleradio.fr", displayName: "Dr Claire Martin", role: "REFERRER", siteCode: "MTC" },
  { email: "urgences.sal@demo.teleradio.fr", displayName: "Dr Karim Benali", role: "REFERRER", siteCode: "SAL" },
  { email: "urgences.vrn@demo.teleradio.fr", displayName: "Dr Sophie Leroy", role: "REFERRER", siteCode: "VRN" },
  { email: "urgences.blr@demo.teleradio.fr", displayName: "Dr Julien Moreau", role: "REFERRER", siteCode: "BLR" },
  { email: "manip.sal@demo.teleradio.fr", displayName: "Léa Fontaine (MERM)", role: "RADIOGRAPHER", siteCode: "SAL" },
  { email: "manip.vrn@demo.teleradio.fr", displayName: "Hugo Garnier (MERM)", role: "RADIOGRAPHER", siteCode: "VRN" },
  {
    email: "radio.dubois@demo.teleradio.fr",
    displayName: "Dr Anne Dubois",
    role: "RADIOLOGIST",
    siteCode: "HUB",
    readsFor: ["MTC", "SAL", "VRN", "BLR"],
    rpps: "10000000101",
  },
  {
    email: "radio.nguyen@demo.teleradio.fr",
    displayName: "Dr Paul Nguyen",
    role: "RADIOLOGIST",
    siteCode: "HUB",
    readsFor: ["SAL", "VRN"],
    rpps: "10000000102",
  },
  {
    email: "radio.petit@demo.teleradio.fr",
    displayName: "Dr Inès Petit",
    role: "RADIOLOGIST",
    siteCode: "HUB",
    readsFor: ["MTC", "BLR"],
    rpps: "10000000103",
  },
  { email: "chef.service@demo.teleradio.fr", displayName: "Pr Marc Lefèvre", role: "DEPARTMENT_HEAD", siteCode: "HUB", rpps: "10000000104" },
  { email: "admin@demo.teleradio.fr", displayName: "Nadia Roux (DSI)", role: "ADMIN", siteCode: "HUB" },
];

/** Sites whose on-call is shared: Nguyen reads for both valley hospitals. */
export const DEMO_SITE_GROUPS: { name: string; siteCodes: string[] }[] = [{ name: "Vallée de la Brenne", siteCodes: ["SAL", "VRN"] }];

export interface DemoProtocol {
  code: string;
  label: string;
  modality: "CT" | "MR" | "CR";
  contrast: boolean;
}

/** Every demo site's protocol catalogue. */
export const DEMO_PROTOCOLS: DemoProtocol[] = [
  { code: "TDM-CRANE", label: "TDM cérébrale sans injection", modality: "CT", contrast: false },
  { code: "ANGIO-TSA", label: "Angio-TDM des TSA", modality: "CT", contrast: true },
  { code: "TDM-TAP", label: "TDM thoraco-abdomino-pelvienne injectée", modality: "CT", contrast: true },
  { code: "TDM-THORAX", label: "TDM thorax sans injection", modality: "CT", contrast: false },
  { code: "IRM-ENC", label: "IRM encéphale", modality: "MR", contrast: false },
  { code: "RX-THORAX", label: "Radiographie thorax", modality: "CR", contrast: false },
];

export interface DemoShift {
  email: string;
  role: "PRIMARY" | "BACKUP";
  siteCodes: string[];
  subspecialties: ("NEURO" | "MSK" | "PAEDIATRIC" | "CHEST" | "ABDOMINAL" | "VASCULAR")[];
}

/**
 * The demo rota: 24 h shifts from 08:00 (Paris), days A and B alternating, from the day the
 * demo is seeded for DEMO_ROTA_DAYS days. Every site has a primary and a backup at all times.
 */
export const DEMO_ROTA_DAYS = 57;
export const DEMO_ROTA_PATTERN: DemoShift[][] = [
  [
    { email: "radio.dubois@demo.teleradio.fr", role: "PRIMARY", siteCodes: ["MTC", "SAL", "VRN", "BLR"], subspecialties: ["NEURO"] },
    { email: "radio.nguyen@demo.teleradio.fr", role: "BACKUP", siteCodes: ["SAL", "VRN"], subspecialties: ["ABDOMINAL"] },
    { email: "radio.petit@demo.teleradio.fr", role: "BACKUP", siteCodes: ["MTC", "BLR"], subspecialties: ["PAEDIATRIC", "MSK"] },
  ],
  [
    { email: "radio.nguyen@demo.teleradio.fr", role: "PRIMARY", siteCodes: ["SAL", "VRN"], subspecialties: ["ABDOMINAL"] },
    { email: "radio.petit@demo.teleradio.fr", role: "PRIMARY", siteCodes: ["MTC", "BLR"], subspecialties: ["PAEDIATRIC", "MSK"] },
    { email: "radio.dubois@demo.teleradio.fr", role: "BACKUP", siteCodes: ["MTC", "SAL", "VRN", "BLR"], subspecialties: ["NEURO"] },
  ],
];

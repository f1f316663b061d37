// A small past activity for the demo territory, so that the turnaround dashboard shows
// something on first start, and a known set the tests compute their expected figures from.
// Times are minutes after submission; a missing milestone was never reached.

import type { Modality, Priority, RequestType } from "../lib/domain/enums";

export interface HistoryTimeline {
  siteCode: string;
  /** Submission: days before the seeding day, at this local (Paris) time. */
  daysAgo: number;
  time: string;
  priority: Priority;
  type: RequestType;
  modality: Modality;
  /** Radiologist who signs (demo e-mail). */
  reader: string;
  decided?: number;
  refusedReason?: string;
  complete?: number;
  claimed?: number;
  signed?: number;
  acknowledged?: number;
  cancelled?: number;
  cancelReason?: string;
}

const DUBOIS = "radio.dubois@demo.teleradio.fr";
const PETIT = "radio.petit@demo.teleradio.fr";
const NGUYEN = "radio.nguyen@demo.teleradio.fr";

export const DEMO_HISTORY: HistoryTimeline[] = [
  // Bellerive (BLR): the set the end-to-end test filters on (urgent ones).
  { siteCode: "BLR", daysAgo: 3, time: "09:12", priority: "URGENT", type: "TELEDIAGNOSTIC", modality: "CT", reader: PETIT, decided: 6, complete: 31, claimed: 35, signed: 58, acknowledged: 75 },
  { siteCode: "BLR", daysAgo: 5, time: "14:40", priority: "URGENT", type: "TELEDIAGNOSTIC", modality: "CT", reader: DUBOIS, decided: 12, complete: 45, claimed: 52, signed: 96, acknowledged: 130 },
  { siteCode: "BLR", daysAgo: 8, time: "22:05", priority: "URGENT", type: "TELEDIAGNOSTIC", modality: "CR", reader: PETIT, decided: 4, complete: 20, claimed: 29, signed: 41, acknowledged: 44 },
  { siteCode: "BLR", daysAgo: 11, time: "03:30", priority: "URGENT", type: "TELEDIAGNOSTIC", modality: "CT", reader: DUBOIS, decided: 25, complete: 70, claimed: 101, signed: 160 },
  { siteCode: "BLR", daysAgo: 15, time: "11:00", priority: "URGENT", type: "TELEDIAGNOSTIC", modality: "CT", reader: PETIT, decided: 8, refusedReason: "Indication non retenue : pas de critère de gravité, échographie à programmer." },
  { siteCode: "BLR", daysAgo: 19, time: "17:45", priority: "URGENT", type: "TELEEXPERTISE", modality: "MR", reader: DUBOIS, claimed: 22, signed: 64, acknowledged: 90 },
  { siteCode: "BLR", daysAgo: 6, time: "08:20", priority: "VITAL", type: "TELEDIAGNOSTIC", modality: "CT", reader: DUBOIS, decided: 3, complete: 14, claimed: 16, signed: 29, acknowledged: 33 },
  { siteCode: "BLR", daysAgo: 12, time: "19:10", priority: "ROUTINE", type: "TELEDIAGNOSTIC", modality: "DX", reader: PETIT, decided: 95, complete: 400, claimed: 610, signed: 655, acknowledged: 1300 },
  // Montclair (MTC).
  { siteCode: "MTC", daysAgo: 2, time: "10:05", priority: "VITAL", type: "TELEDIAGNOSTIC", modality: "CT", reader: DUBOIS, decided: 2, complete: 12, claimed: 13, signed: 24, acknowledged: 27 },
  { siteCode: "MTC", daysAgo: 4, time: "23:50", priority: "URGENT", type: "TELEDIAGNOSTIC", modality: "CT", reader: PETIT, decided: 9, complete: 38, claimed: 44, signed: 80, acknowledged: 140 },
  { siteCode: "MTC", daysAgo: 9, time: "16:20", priority: "ROUTINE", type: "TELEDIAGNOSTIC", modality: "MR", reader: DUBOIS, decided: 130, complete: 1500, claimed: 1700, signed: 1760, acknowledged: 2300 },
  { siteCode: "MTC", daysAgo: 14, time: "07:40", priority: "URGENT", type: "TELEDIAGNOSTIC", modality: "CT", reader: PETIT, cancelled: 15, cancelReason: "Patient transféré au CHU avant l'examen." },
  { siteCode: "MTC", daysAgo: 20, time: "13:15", priority: "ROUTINE", type: "TELEEXPERTISE", modality: "CT", reader: DUBOIS, claimed: 300, signed: 380, acknowledged: 900 },
  // Saint-Aubin (SAL).
  { siteCode: "SAL", daysAgo: 2, time: "02:10", priority: "VITAL", type: "TELEDIAGNOSTIC", modality: "CT", reader: NGUYEN, decided: 4, complete: 18, claimed: 22, signed: 41, acknowledged: 48 },
  { siteCode: "SAL", daysAgo: 7, time: "12:30", priority: "URGENT", type: "TELEDIAGNOSTIC", modality: "US", reader: NGUYEN, decided: 15, complete: 50, claimed: 66, signed: 90, acknowledged: 95 },
  { siteCode: "SAL", daysAgo: 13, time: "18:55", priority: "URGENT", type: "TELEDIAGNOSTIC", modality: "CT", reader: DUBOIS, decided: 7, refusedReason: "Examen déjà réalisé la veille, pas d'élément nouveau." },
  { siteCode: "SAL", daysAgo: 22, time: "09:00", priority: "ROUTINE", type: "TELEDIAGNOSTIC", modality: "CR", reader: NGUYEN, decided: 60, complete: 240, claimed: 500, signed: 530, acknowledged: 700 },
  // Vernay (VRN).
  { siteCode: "VRN", daysAgo: 3, time: "21:35", priority: "URGENT", type: "TELEDIAGNOSTIC", modality: "CT", reader: NGUYEN, decided: 11, complete: 42, claimed: 47, signed: 75, acknowledged: 81 },
  { siteCode: "VRN", daysAgo: 10, time: "05:05", priority: "VITAL", type: "TELEDIAGNOSTIC", modality: "CT", reader: DUBOIS, decided: 6, complete: 25, claimed: 31, signed: 52, acknowledged: 70 },
  { siteCode: "VRN", daysAgo: 17, time: "15:25", priority: "ROUTINE", type: "TELEDIAGNOSTIC", modality: "MR", reader: NGUYEN, decided: 200, complete: 1400, claimed: 1900, signed: 1990, acknowledged: 2500 },
];

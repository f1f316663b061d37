import "server-only";

// The territory the history generator builds: twelve fictional hospitals of very different
// sizes bound by three reading agreements, each agreement with its own pool of radiologists
// on call, and a territory-wide pool of backups. Plain data, read by the SQL builders.

export interface HistorySite {
  code: string;
  name: string;
  /** Share of the territory's requests (relative weight). */
  weight: number;
  /** Index into HISTORY_AGREEMENTS. */
  agreement: number;
  /** Whether the radiographer must record that the patient was informed before reading. */
  informsPatient: boolean;
  referrers: number;
  radiographers: number;
}

export const HISTORY_AGREEMENTS: readonly { name: string; radiologists: number }[] = [
  { name: "Convention de téléradiologie Val-de-Brenne", radiologists: 13 },
  { name: "Convention des hôpitaux du Haut-Lèze", radiologists: 12 },
  { name: "Convention du plateau de Sarnac", radiologists: 11 },
];

/** Radiologists reading for every site, on call as backup (escalation level 1). */
export const HISTORY_BACKUPS = 4;

export const HISTORY_SITES: readonly HistorySite[] = [
  { code: "CHB", name: "Centre hospitalier de Brenneville", weight: 18, agreement: 0, informsPatient: true, referrers: 14, radiographers: 5 },
  { code: "SMB", name: "CH de Saint-Martin-de-Brenne", weight: 12, agreement: 0, informsPatient: true, referrers: 10, radiographers: 4 },
  { code: "VAU", name: "Hôpital de Vaudrey", weight: 8, agreement: 0, informsPatient: false, referrers: 7, radiographers: 3 },
  { code: "LCF", name: "CH de La Croix-Fontaine", weight: 6, agreement: 0, informsPatient: true, referrers: 6, radiographers: 3 },
  { code: "ORB", name: "Hôpital local d'Orbec-sur-Brenne", weight: 3, agreement: 0, informsPatient: false, referrers: 4, radiographers: 2 },
  { code: "LEZ", name: "Centre hospitalier de Lézignan-le-Haut", weight: 14, agreement: 1, informsPatient: true, referrers: 11, radiographers: 4 },
  { code: "MRV", name: "CH de Montrevel", weight: 9, agreement: 1, informsPatient: false, referrers: 8, radiographers: 3 },
  { code: "PDL", name: "Hôpital du Pont-de-Lèze", weight: 6, agreement: 1, informsPatient: true, referrers: 6, radiographers: 2 },
  { code: "CST", name: "CH de Castelnau-les-Tours", weight: 4, agreement: 1, informsPatient: false, referrers: 5, radiographers: 2 },
  { code: "SRN", name: "Centre hospitalier de Sarnac", weight: 11, agreement: 2, informsPatient: true, referrers: 9, radiographers: 4 },
  { code: "AIG", name: "CH d'Aiguebelle", weight: 6, agreement: 2, informsPatient: false, referrers: 6, radiographers: 2 },
  { code: "PLT", name: "Hôpital du Plateau de Vielmur", weight: 3, agreement: 2, informsPatient: true, referrers: 4, radiographers: 2 },
];

export const FAMILY_NAMES = [
  "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
  "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
  "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefevre", "Faure", "Andre",
  "Mercier", "Blanc", "Guerin", "Boyer", "Garnier", "Chevalier", "Francois", "Legrand", "Gauthier", "Garcia",
  "Perrin", "Robin", "Clement", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
];

export const FEMALE_GIVEN_NAMES = [
  "Marie", "Jeanne", "Françoise", "Monique", "Catherine", "Nathalie", "Isabelle", "Sylvie", "Anne", "Martine",
  "Christine", "Sophie", "Camille", "Léa", "Chloé", "Emma", "Louise", "Manon", "Julie", "Claire",
];

export const MALE_GIVEN_NAMES = [
  "Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Bernard", "Jacques", "Daniel", "Patrick",
  "Nicolas", "Christophe", "Thomas", "Lucas", "Hugo", "Louis", "Gabriel", "Julien", "Paul", "Antoine",
];

/** Names of the people, drawn in turn (they only need to look plausible on the screens). */
export const STAFF_NAMES = [
  "Claire Martin", "Karim Benali", "Sophie Leroy", "Julien Moreau", "Élodie Garnier", "Thomas Renaud", "Inès Haddad",
  "Paul Nguyen", "Anne Dubois", "Marc Chevalier", "Lucie Fabre", "Hélène Brunet", "Olivier Caron", "Sarah Cohen",
  "Nicolas Perrot", "Amélie Roche", "Yann Le Gall", "Mathilde Colin", "Rachid Amrani", "Laure Vidal", "Bruno Marchand",
  "Céline Aubert", "Vincent Lemoine", "Émilie Rey", "François Barbier", "Aurélie Lucas", "Damien Roger", "Pauline Schmitt",
  "Hugo Arnaud", "Manon Giraud", "Étienne Picard", "Nadia Benoit", "Guillaume Meyer", "Julie Dumont", "Sébastien Royer",
  "Chloé Noël", "Antoine Blanchard", "Margaux Huet", "Romain Carré", "Justine Baron", "Alexandre Collet", "Camille Renard",
];

import "server-only";

// What a busy territory's year looks like, as data: when requests arrive, what they ask for,
// and how long each step takes by priority. Figures are plausible orders of magnitude for
// French emergency teleradiology (the priority targets in docs/architecture.md and the migration defaults), tuned so
// that most requests meet the default targets and a realistic tail misses them.

/** Relative arrivals by local hour (Europe/Paris): an emergency department's curve. */
export const ARRIVALS_BY_HOUR = [
  1.6, 1.2, 1.0, 0.9, 0.9, 1.0, 1.4, 2.2, 3.4, 4.4, 5.0, 5.2, 4.6, 4.4, 4.6, 4.7, 4.8, 5.0, 5.2, 5.0, 4.4, 3.6, 2.8, 2.1,
];

/** Relative arrivals by ISO weekday (1 = Monday): Mondays are busiest, weekends quieter. */
export const ARRIVALS_BY_WEEKDAY = [1.12, 1.03, 1.0, 1.0, 1.05, 0.86, 0.8];

/** Priorities in the order of the Priority enum's mix (VITAL, URGENT, ROUTINE). */
export const PRIORITIES = ["VITAL", "URGENT", "ROUTINE"] as const;

/** Overall mix ~10 % vital, ~35 % urgent, ~55 % routine: téléexpertise is never vital. */
export const TELEDIAGNOSTIC_PRIORITY_MIX = [11.1, 36.7, 52.2];
export const TELEEXPERTISE_PRIORITY_MIX = [0, 20, 80];
export const TELEEXPERTISE_SHARE = 0.1;

export interface ExamKind {
  modality: "CT" | "MR" | "CR" | "DX" | "US";
  bodyRegion: string;
  context: string;
  question: string;
  protocol: string;
  contrast: boolean;
  /** Relative frequency among vital requests, and among the others. */
  weights: [vital: number, other: number];
  /** Reading takes longer for some exams (MR, polytrauma) and less for plain films. */
  readFactor: number;
}

// CT ~55 %, CR/DX ~22 %, MR ~13 %, US ~10 % overall.
export const EXAM_KINDS: readonly ExamKind[] = [
  { modality: "CT", bodyRegion: "Encéphale", context: "Déficit moteur brutal de l'hémicorps droit et aphasie, début il y a 1 h.", question: "AVC ischémique ? Hémorragie ? Occlusion d'un gros tronc ?", protocol: "TDM cérébrale sans injection puis angio-TDM des TSA et du polygone de Willis", contrast: true, weights: [36, 4], readFactor: 1 },
  { modality: "CT", bodyRegion: "Encéphale", context: "Chute de sa hauteur sous anticoagulant, céphalées, vomissements.", question: "Hématome intracrânien ?", protocol: "TDM cérébrale sans injection", contrast: false, weights: [14, 8], readFactor: 0.7 },
  { modality: "CT", bodyRegion: "Thorax", context: "Dyspnée aiguë, tachycardie, D-dimères positifs.", question: "Embolie pulmonaire ?", protocol: "Angio-TDM thoracique", contrast: true, weights: [14, 7], readFactor: 1 },
  { modality: "CT", bodyRegion: "Thorax-abdomen-pelvis", context: "Polytraumatisé, accident de la voie publique à haute cinétique.", question: "Lésions traumatiques ? Saignement actif ?", protocol: "Body-TDM injecté (bodyscanner)", contrast: true, weights: [20, 2], readFactor: 1.8 },
  { modality: "CT", bodyRegion: "Abdomen-pelvis", context: "Douleur de la fosse iliaque droite, fièvre à 38,5 °C, CRP à 120 mg/L.", question: "Appendicite ? Abcès ?", protocol: "TDM abdomino-pelvienne injectée au temps portal", contrast: true, weights: [4, 10], readFactor: 1.2 },
  { modality: "CT", bodyRegion: "Abdomen-pelvis", context: "Douleur abdominale diffuse, arrêt des matières et des gaz depuis 48 h.", question: "Occlusion ? Signes de gravité ?", protocol: "TDM abdomino-pelvienne injectée", contrast: true, weights: [8, 7], readFactor: 1.2 },
  { modality: "CT", bodyRegion: "Rachis cervical", context: "Traumatisme cervical, douleur à la palpation des épineuses.", question: "Fracture ? Lésion instable ?", protocol: "TDM du rachis cervical sans injection", contrast: false, weights: [4, 5], readFactor: 0.8 },
  { modality: "CR", bodyRegion: "Thorax", context: "Toux fébrile, crépitants à la base droite.", question: "Pneumopathie ? Épanchement ?", protocol: "Radiographie du thorax de face", contrast: false, weights: [0, 9], readFactor: 0.35 },
  { modality: "CR", bodyRegion: "Bassin", context: "Chute, impotence fonctionnelle du membre inférieur gauche, raccourcissement.", question: "Fracture du col fémoral ?", protocol: "Radiographie du bassin de face et de la hanche gauche", contrast: false, weights: [0, 4.5], readFactor: 0.35 },
  { modality: "DX", bodyRegion: "Poignet", context: "Chute sur la main en hyperextension, déformation.", question: "Fracture ? Déplacement ?", protocol: "Radiographie du poignet face et profil", contrast: false, weights: [0, 6.5], readFactor: 0.3 },
  { modality: "DX", bodyRegion: "Cheville", context: "Entorse, appui impossible (critères d'Ottawa positifs).", question: "Fracture ?", protocol: "Radiographie de la cheville face et profil", contrast: false, weights: [0, 4.5], readFactor: 0.3 },
  { modality: "MR", bodyRegion: "Encéphale", context: "Déficit transitoire régressif, TDM cérébrale normale.", question: "AIT ? Lésion ischémique récente ?", protocol: "IRM encéphale (diffusion, FLAIR, T2*, TOF)", contrast: false, weights: [0, 8], readFactor: 1.4 },
  { modality: "MR", bodyRegion: "Rachis lombaire", context: "Lombosciatique hyperalgique avec déficit moteur du releveur.", question: "Hernie discale compressive ? Syndrome de la queue de cheval ?", protocol: "IRM du rachis lombaire", contrast: false, weights: [0, 4.5], readFactor: 1.3 },
  { modality: "MR", bodyRegion: "Genou", context: "Traumatisme du genou en torsion, blocage.", question: "Lésion méniscale ? Rupture du LCA ?", protocol: "IRM du genou", contrast: false, weights: [0, 2], readFactor: 1.2 },
  { modality: "US", bodyRegion: "Abdomen", context: "Douleur de l'hypochondre droit, fièvre, Murphy positif.", question: "Cholécystite ? Dilatation des voies biliaires ?", protocol: "Échographie abdominale", contrast: false, weights: [0, 5.5], readFactor: 0.6 },
  { modality: "US", bodyRegion: "Membre inférieur", context: "Grosse jambe rouge douloureuse depuis 3 jours.", question: "Thrombose veineuse profonde ?", protocol: "Écho-doppler veineux du membre inférieur", contrast: false, weights: [0, 5.5], readFactor: 0.5 },
];

export interface ExpertiseKind {
  modality: "CT" | "MR";
  bodyRegion: string;
  context: string;
  question: string;
  expertQuestion: string;
}

export const EXPERTISE_KINDS: readonly ExpertiseKind[] = [
  { modality: "CT", bodyRegion: "Foie", context: "Lésion hépatique de découverte fortuite sur un scanner pour colique néphrétique.", question: "Nature de la lésion ?", expertQuestion: "Avis sur une lésion hépatique de 2 cm : angiome, kyste ou lésion suspecte ?" },
  { modality: "CT", bodyRegion: "Thorax", context: "Nodule pulmonaire de 8 mm chez un fumeur de 55 ans.", question: "Conduite à tenir ?", expertQuestion: "Relecture du nodule et proposition de surveillance selon les recommandations." },
  { modality: "MR", bodyRegion: "Encéphale", context: "Hypersignaux de la substance blanche chez une patiente de 34 ans.", question: "Origine inflammatoire ?", expertQuestion: "Avis neuroradiologique : critères de dissémination d'une SEP ?" },
  { modality: "CT", bodyRegion: "Genou", context: "Fracture complexe du plateau tibial, bilan préopératoire.", question: "Classification ?", expertQuestion: "Avis sur la classification et l'enfoncement articulaire avant chirurgie." },
  { modality: "MR", bodyRegion: "Pelvis", context: "Masse annexielle de 5 cm en échographie.", question: "Caractérisation ?", expertQuestion: "Score O-RADS IRM de la masse annexielle ?" },
];

/** Why a radiologist refused an indication (justification, Code de la santé publique R.1333-46). */
export const REFUSAL_REASONS: readonly { reason: string; weight: number }[] = [
  { reason: "Examen non justifié au regard du contexte clinique décrit.", weight: 24 },
  { reason: "Indication relevant d'une échographie en première intention.", weight: 18 },
  { reason: "Irradiation injustifiée : un examen récent (moins de 48 h) répond déjà à la question.", weight: 14 },
  { reason: "Renseignements cliniques insuffisants pour justifier l'examen.", weight: 14 },
  { reason: "Examen non urgent : à programmer en consultation externe.", weight: 12 },
  { reason: "Contre-indication à l'injection (insuffisance rénale sévère) sans alternative adaptée.", weight: 8 },
  { reason: "Patiente enceinte : examen irradiant non justifié, IRM ou échographie à discuter.", weight: 5 },
  { reason: "Avis spécialisé préalable nécessaire (chirurgien, neurologue).", weight: 5 },
];

export const CANCEL_REASONS: readonly { reason: string; weight: number }[] = [
  { reason: "Patient transféré dans un autre établissement.", weight: 30 },
  { reason: "Demande saisie en double.", weight: 22 },
  { reason: "Amélioration clinique : examen annulé par le clinicien.", weight: 20 },
  { reason: "Patient sorti contre avis médical.", weight: 15 },
  { reason: "Décès du patient.", weight: 5 },
  { reason: "Examen réalisé sur un autre site.", weight: 8 },
];

export const INFO_QUESTIONS = [
  "Merci de préciser la fonction rénale (créatininémie, DFG).",
  "Heure de début des symptômes ?",
  "Antécédents et traitements en cours (anticoagulants) ?",
  "Examen biologique disponible (CRP, D-dimères) ?",
];

export const INFO_ANSWERS = [
  "Créatininémie 82 µmol/L, DFG 78 mL/min.",
  "Début des symptômes à 14 h 10, heure de dernière vue normale.",
  "Sous apixaban, dernière prise ce matin.",
  "CRP 96 mg/L, D-dimères 1 850 ng/mL.",
];

export const MODIFIED_EXAMS: readonly { proposedExam: string; reason: string }[] = [
  { proposedExam: "IRM encéphale avec séquence de diffusion", reason: "IRM plus contributive que le scanner dans ce délai." },
  { proposedExam: "Échographie abdominale", reason: "Échographie en première intention, scanner si doute persistant." },
  { proposedExam: "TDM sans injection", reason: "Fonction rénale altérée : injection non indispensable pour répondre à la question." },
];

/**
 * Medians (seconds) of each step by priority [VITAL, URGENT, ROUTINE], and their spread
 * (lognormal sigma). Night arrivals wait longer for the human steps (NIGHT_SLOWDOWN).
 */
export const STEP_MEDIANS_S = {
  claim: [100, 480, 2_700], // submitted -> taken by a radiologist
  decide: [120, 360, 1_800], // taken -> indication decided
  protocol: [90, 150, 300], // decided -> protocol sent
  acquisition: [540, 1_500, 14_400], // protocol -> first image (routine exams are scheduled)
  completion: [180, 420, 900], // first image -> images complete
  toReading: [300, 900, 14_400], // complete -> reading starts
  reading: [840, 1_200, 1_500], // reading -> signed (times the exam's readFactor)
  toOpen: [360, 1_500, 14_400], // signed -> the requester opens the report
  openToAck: [40, 90, 120], // opened -> acknowledged
  expertiseToReading: [0, 2_400, 10_800], // téléexpertise: taken -> reading starts
} as const;

export const STEP_SIGMAS = {
  claim: 0.9,
  decide: 0.7,
  protocol: 0.5,
  acquisition: 0.9,
  completion: 0.6,
  toReading: 0.9,
  reading: 0.6,
  toOpen: 1.0,
  openToAck: 0.8,
  expertiseToReading: 0.9,
} as const;

export const NIGHT_SLOWDOWN = 1.35;

/** How many requests end each way (télédiagnostic; téléexpertise is only ever cancelled). */
export const FATE_SHARES = { refused: 0.03, cancelled: 0.01, modified: 0.03, infoRequested: 0.02 };

/** Share of reports the requester acknowledges, by priority. */
export const ACKNOWLEDGED_SHARE = [0.96, 0.9, 0.82];

/** Escalation delays (PriorityTarget defaults): a request not taken by then escalates. */
export const ESCALATE_AFTER_S = [600, 1_800, 43_200];

/** Requests still open at the end: their statuses (in this order) and how the backlog splits. */
export const OPEN_STATUSES = ["SUBMITTED", "INDICATION_ACCEPTED", "PROTOCOL_SENT", "IMAGES_ARRIVING", "IMAGES_COMPLETE", "IN_READING"] as const;
export const OPEN_TELEDIAGNOSTIC_STATUS_MIX = [12, 6, 40, 7, 22, 13];
/** A téléexpertise is only ever submitted or being read. */
export const OPEN_TELEEXPERTISE_STATUS_MIX = [60, 0, 0, 0, 0, 40];
/** The backlog is mostly routine work waiting for scheduled exams or a reader. */
export const OPEN_PRIORITY_MIX = [4, 24, 72];

/** Median age (seconds) of an open request by status and priority: routine exams wait days for their slot. */
export const OPEN_AGE_MEDIANS_S: readonly (readonly [number, number, number])[] = [
  [360, 1_500, 7_200],
  [600, 2_400, 10_800],
  [1_200, 5_400, 172_800],
  [1_500, 4_800, 43_200],
  [1_800, 6_000, 57_600],
  [2_400, 4_800, 28_800],
];
export const OPEN_AGE_SIGMA = 0.8;
export const OPEN_MAX_AGE_S = 14 * 86_400;
/** Share of open requests their radiologist still holds: SUBMITTED, then decided ones (IN_READING: all). */
export const OPEN_HELD_SHARE = { submitted: 0.4, decided: 0.6 };

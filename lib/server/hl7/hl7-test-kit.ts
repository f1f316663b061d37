// Test helpers of the HL7 listener: a registered RIS interface with its inactive service account,
// messages shaped like the volet Téléradiologie's examples (ansforge/interop-ig-hl7v2-teleradiologie,
// page "exemples"), and the independent peer: simple-hl7's MLLP client.
import { randomBytes } from "node:crypto";
import hl7 from "simple-hl7";
import { withInsKey } from "@/lib/domain/ins-key";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LOOPBACK_NETWORKS } from "@/lib/domain/network/address-allow-list";

const tag = () => randomBytes(4).toString("hex").toUpperCase();

export interface TestRisInterface {
  id: string;
  siteId: string;
  serviceUserId: string;
  sendingApplication: string;
  sendingFacility: string;
}

/** A RIS interface of the site, registered as an administrator would (with its service account). */
export async function createRisInterface(db: PrismaClient, siteId: string, options: { allowedNetworks?: string[]; active?: boolean } = {}): Promise<TestRisInterface> {
  const code = tag();
  const serviceUser = await db.user.create({
    data: { email: `ris.${code.toLowerCase()}@interfaces.teleradio.invalid`, displayName: `RIS ${code}`, role: "REFERRER", siteId, active: false, passwordHash: null },
    select: { id: true },
  });
  const created = await db.risInterface.create({
    data: {
      siteId,
      label: `RIS ${code}`,
      sendingApplication: `RIS_${code}`,
      sendingFacility: `FAC_${code}`,
      allowedNetworks: options.allowedNetworks ?? [...LOOPBACK_NETWORKS],
      active: options.active ?? true,
      serviceUserId: serviceUser.id,
    },
    select: { id: true, siteId: true, sendingApplication: true, sendingFacility: true },
  });
  return { ...created, serviceUserId: serviceUser.id };
}

export interface OrderOptions {
  sender: Pick<TestRisInterface, "sendingApplication" | "sendingFacility">;
  controlId?: string;
  placer?: string;
  orderControl?: "NW" | "CA" | string;
  version?: string;
  ipp?: string;
  ins?: string;
  insStatus?: string;
  familyName?: string;
  givenName?: string;
  birthDate?: string;
  sex?: string;
  rpps?: string;
  priority?: string;
  /** Replace the PID segment ("" drops it). */
  pid?: string;
  /** Extra OBX lines (after the volet's). */
  extraObx?: string[];
  cancelReason?: string;
}

export const uniqueId = (prefix: string) => `${prefix}${tag()}`;

/** A valid INS under the test OID (the volet's example one: 279035121518989). */
export const VOLET_INS = withInsKey("2790351215189");

/** ORM^O01 as in the volet's flow 1 example, plus the IPP repetition PAM-FR adds to PID-3. */
export function ormMessage(options: OrderOptions): string {
  const control = options.controlId ?? uniqueId("MSG");
  const placer = options.placer ?? uniqueId("OPN");
  const ins = options.ins ?? VOLET_INS;
  const pid =
    options.pid ??
    `PID|||${ins}^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^INS^^20101207~${options.ipp ?? "IPP405660"}^^^CHU-X&1.2.250.1.71.4.2.2.999&ISO^PI||${options.familyName ?? "PAT-TROIS"}^${options.givenName ?? "DOMINIQUE"}^DOMINIQUE^^^^L||${options.birthDate ?? "19790328"}|${options.sex ?? "F"}|||28 Av de Breteuil^^PARIS^^75007^FRA^H|||||||405660^^^AUT-AFFECTATION&1204567809&M^AN^^20101205|||||||||||||N|${options.insStatus ?? "QUAL"}`;
  const orc = options.orderControl ?? "NW";
  const lines = [
    `MSH|^~\\&|${options.sender.sendingApplication}|${options.sender.sendingFacility}|TLRapp|TLRfacility|20260106134418||ORM^O01^ORM_O01|${control}|P|${options.version ?? "2.5.1"}|||||FRA|UNICODE UTF-8|||1.0^CISIS_TLR_HL7_V2`,
    ...(pid ? [pid] : []),
    "PV1||O|||||||||||||||||000897406^^^CHU-X&000897406&M^VN^^20210409|",
    orc === "CA"
      ? `ORC|CA|${placer}^^1.2.250.1.748.12345678.12^ISO|||||||20260106134418|||${options.rpps ?? "801234567897"}^Hoda^Adam^^^DR^^^ASIP-SANTE- PS&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS||||${options.cancelReason ? `^${options.cancelReason}` : ""}|STRUCTURE_IMAGERIE^^TLR_TYPE_ORGANISATION`
      : `ORC|${orc}|${placer}^^1.2.250.1.748.12345678.12^ISO|||||||20260106134418||801234564895^Eric^Thomas^^^DR^^^ASIP-SANTE- PS&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS|${options.rpps ?? "801234567897"}^Hoda^Adam^^^DR^^^ASIP-SANTE- PS&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS||^PRN^CP^^^^^^^^^+3360708091|||STRUCTURE_IMAGERIE^^TLR_TYPE_ORGANISATION||||Structure-Y^^^^^ASIP-SANTE-ST&1.2.250.1.71.4.2.2&ISO^FINEG^^^300017985`,
    ...(options.priority ? [`TQ1|||||||||${options.priority}`] : []),
  ];
  if (orc === "CA") {
    lines.push(`OBR||${placer}^^1.2.250.1.748.12345678.12^ISO||ANNULATION_DEMANDE^Annulation d’une demande d’examen^TLR_OBR_PROCEDURE`);
  } else {
    lines.push(
      `OBR||${placer}^^1.2.250.1.748.12345678.12^ISO||TRANSMISSION_DEMANDE^Transmission d’une demande d’examen d'imagerie^TLR_OBR_PROCEDURE|||||||||Céphalées brutales, suspicion d'hémorragie|||801234567897^Hoda^Adam^^^DR^^^ASIP-SANTE- PS&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS||ACN${placer.slice(-8)}`,
      "NTE|||Recherche d'un saignement intracrânien|FINALITE_EXAMEN^^HL70364",
      "OBX|1|CE|MODALITE_IMAGERIE^Modalité d’imagerie utilisée ou prévue pour réaliser l’examen^TLR_OBSERVATION||MR^Résonance magnétique^DCM||||||O",
      "NTE|||Commentaire sur la modalité|MODALITE_IMAGERIE^^HL70364",
      "OBX|2|CE|REGION_ANATOMIQUE^Localisation anatomique examinée dans le cadre de l’examen d’imagerie^TLR_OBSERVATION|1.1|77407^tête et/ou cou^SNT||||||O",
      "OBX|3|CE|REGION_ANATOMIQUE^Localisation anatomique examinée dans le cadre de l’examen d’imagerie^TLR_OBSERVATION|1.2|24028007^côté droit^SNT||||||O",
      "OBX|4|FT|11322-5^History of General health Narrative^LN||Antécédents majeur du patient|||MAJEUR^^HL70078|||O",
      "OBX|5|NM|8302-2^Body height^LN||170|cm|||||O",
      "OBX|6|NM|29463-7^Body weight^LN||68|kg|||||O",
      "OBX|7|CE|82810-3^Pregnancy status^LN||N^^expandedYes-NoIndicator||||||O",
      ...(options.extraObx ?? []),
    );
  }
  return lines.join("\r");
}

/** OMI^O23 as in the volet's flow 4 example (its MSH-9 corrected to OMI^O23). */
export function omiMessage(options: { sender: OrderOptions["sender"]; placer: string; controlId?: string; performedAt?: string }): string {
  return [
    `MSH|^~\\&|${options.sender.sendingApplication}|${options.sender.sendingFacility}|TLRapp|TLRfacility|20260106134418||OMI^O23^OMI_O23|${options.controlId ?? uniqueId("MSG")}|P|2.5.1|||||FRA|UNICODE UTF-8|||1.0^CISIS_TLR_HL7_V2`,
    `PID|||${VOLET_INS}^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^INS^^20101207~IPP405660^^^CHU-X&1.2.250.1.71.4.2.2.999&ISO^PI||PAT-TROIS^DOMINIQUE^DOMINIQUE^^^^L||19790328|F|||||||||||||||||||||||||N|QUAL`,
    "PV1||O|||||||||||||||||000897406^^^CHU-X&000897406&M^VN^^20210409|",
    `ORC|SC|${options.placer}^^1.2.250.1.748.12345678.12^ISO|`,
    `TQ1||||||730^jours|${options.performedAt ?? "20260106184418"}`,
    `OBR||${options.placer}^^1.2.250.1.748.12345678.12^ISO||COMPLEMENT_POST_ACTE^Transmission d'un complément d’information post-examen^TLR_OBR_PROCEDURE|`,
    "IPC|ACN101^^1.2.250.1.925.994044.27^ISO|24590-2^^2.16.840.1.113883.6.1^ISO|1.2.250.1.213.4.5.2.1.101|24590-2^^2.16.840.1.113883.6.1^ISO|",
    "OBX|1|TX|URL_PARTIELLE_VIEWER^URL partielle d’accès à la visionneuse d’imagerie DRIMbox^TLR_OBSERVATION||URL||||||F",
    "OBX|2|CE|CODE_ACTE_IMAGERIE^Code de l'acte d'imagerie réalisée^TLR_OBSERVATION||24590-2^résonance magnétique cerveau^LN||||||F",
    "OBX|3|CE|REGION_ANATOMIQUE^Localisation anatomique examinée dans le cadre de l’examen d’imagerie^TLR_OBSERVATION|1.1|77407^tête et/ou cou^SNT||||||F",
    "OBX|4|CE|REGION_ANATOMIQUE^Localisation anatomique examinée dans le cadre de l’examen d’imagerie^TLR_OBSERVATION|1.2|24028007^côté droit^SNT||||||F",
    "OBX|5|CE|MODALITE_IMAGERIE^Modalité d’imagerie^TLR_OBSERVATION||MR^Résonance magnétique^DCM||||||F",
    "OBX|6|CE|PRODUIT_ADMINISTRE^Produit administré lors de l'examen d'imagerie^TLR_OBSERVATION|1.1|V08CA01^acide gadotérique^ATC|||||F",
    "OBX|7|NM|PRODUIT_ADMINISTRE^Produit administré lors de l'examen d'imagerie^TLR_OBSERVATION|1.3|15|ml||||F",
    "OBX|8|TX|APPAREIL_IMAGERIE^Appareil d'imagerie utilisé lors de l'examen^TLR_OBSERVATION|1.1|1234567896363||||||F",
    "OBX|9|TX|APPAREIL_IMAGERIE^Appareil d'imagerie utilisé lors de l'examen^TLR_OBSERVATION|1.2|Modèle||||||F",
    "OBX|10|NM|DOSE_IRRADIATION^Dose^TLR_PLATEFORME||0|mGy.cm||||F",
  ].join("\r");
}

export interface Ack {
  code: string;
  controlId: string;
  errors: { location: string; code: string; text: string }[];
}

/** Sends one message with simple-hl7's MLLP client and reads the ACK it gets back. */
export async function sendWithPeer(port: number, message: string): Promise<Ack> {
  const client = hl7.Server.createTcpClient({ host: "127.0.0.1", port, keepalive: false });
  return new Promise<Ack>((resolve, reject) => {
    client.send(message, (error, ack) => {
      if (error) reject(error);
      else resolve(readAck(ack));
    });
  });
}

export function readAck(ack: ReturnType<InstanceType<typeof hl7.Parser>["parse"]>): Ack {
  const msa = ack.getSegment("MSA");
  return {
    code: msa?.getField(1) ?? "",
    controlId: msa?.getField(2) ?? "",
    errors: ack.getSegments("ERR").map((err) => ({
      location: [err.getComponent(2, 1), err.getComponent(2, 3)].filter(Boolean).join("-"),
      code: err.getComponent(3, 1),
      text: err.getField(8),
    })),
  };
}

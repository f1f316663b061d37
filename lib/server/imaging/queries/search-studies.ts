import "server-only";
import type { Actor } from "@/lib/domain/access";
import type { DicomJsonDataset } from "@/lib/dicom/dicom-json";
import { bufferReadAudit } from "../../audit/read-audit-buffer";
import type { Db } from "../../db/client";
import { dataset, element } from "./qido-attributes";
import type { QidoQuery } from "./qido-query";
import { studyFilters } from "./qido-filters";
import { visibleStudiesWhere } from "../studies/study-scope";

/**
 * QIDO-RS /studies: the actor's visible studies matching the query, as DICOM JSON. The search is
 * audited. Study-level results carry the attributes of docs/conformance.md; includefield adds
 * attributes at instance level only (where the stored metadata is).
 */
export async function searchStudies(args: { db: Db; actor: Actor; query: QidoQuery; baseUrl: string }): Promise<DicomJsonDataset[]> {
  const { db, actor, query, baseUrl } = args;
  const studies = await db.dicomStudy.findMany({
    where: { AND: [visibleStudiesWhere(actor), ...studyFilters(query)] },
    orderBy: [{ studyDate: "desc" }, { receivedAt: "desc" }],
    take: query.limit,
    skip: query.offset,
    select: {
      id: true,
      studyInstanceUid: true,
      studyDate: true,
      studyTime: true,
      accessionNumber: true,
      studyId: true,
      studyDescription: true,
      referringPhysicianName: true,
      patient: { select: { patientId: true, name: true, birthDate: true, sex: true } },
      series: { select: { modality: true, _count: { select: { instances: true } } } },
    },
  });
  bufferReadAudit(db, {
    actorId: actor.id,
    action: "DICOMWEB_READ",
    entityType: "DicomStudy",
    detail: { resource: "qido-studies", results: studies.length, studies: studies.slice(0, 50).map((s) => s.studyInstanceUid) },
  });
  return studies.map((study) => {
    const modalities = [...new Set(study.series.map((s) => s.modality))].sort();
    return dataset({
      "00080020": element("DA", study.studyDate),
      "00080030": element("TM", study.studyTime),
      "00080050": element("SH", study.accessionNumber),
      "00080061": modalities.length > 0 ? { vr: "CS", Value: modalities } : undefined,
      "00080090": element("PN", study.referringPhysicianName),
      "00081030": element("LO", study.studyDescription),
      "00081190": element("UR", `${baseUrl}/studies/${study.studyInstanceUid}`),
      "00100010": element("PN", study.patient.name),
      "00100020": element("LO", study.patient.patientId),
      "00100030": element("DA", study.patient.birthDate),
      "00100040": element("CS", study.patient.sex),
      "0020000D": element("UI", study.studyInstanceUid),
      "00200010": element("SH", study.studyId),
      "00201206": element("IS", study.series.length),
      "00201208": element("IS", study.series.reduce((sum, s) => sum + s._count.instances, 0)),
    });
  });
}

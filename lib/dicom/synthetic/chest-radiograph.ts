// A PA chest radiograph "for presentation": Digital X-Ray, 12-bit, MONOCHROME1 (bone white,
// direct exposure black) like most CR/DX, on a 43 cm square detector.
import { type DataElement, binaryNumbers, decimals, integers, sequence, text } from "./data-element";
import { checkIntegerOption, instanceFileName, instanceNumberElement, monochromePixelModule } from "./image-modules";
import { chestAttenuation } from "./phantom-chest";
import { SeededRandom } from "./seeded-random";
import { describeSeries, describeStudy } from "./study-attributes";
import { Tag } from "./tags";
import { type SyntheticInstance, type SyntheticStudyOptions } from "./types";
import { uidFromSeed } from "./uid";
import { littleEndianBytes, type SyntheticTransferSyntax, writePart10 } from "./write-part10";

export const DX_FOR_PRESENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.1.1";
export const DX_DETECTOR_SIZE_MM = 430;

export interface ChestRadiographOptions extends SyntheticStudyOptions {
  transferSyntax?: SyntheticTransferSyntax;
  /** Rows and columns, default 2048 (0.21 mm pixels); smaller sizes keep tests fast. */
  size?: number;
}

/** Pixel value = log-exposure: high where little is absorbed, so MONOCHROME1 shows air black. */
const DIRECT_EXPOSURE_VALUE = 3900;
const VALUE_PER_ATTENUATION = 850;
const NOISE_SD = 12;
const MAX_12_BIT = 4095;

export function chestRadiograph(options: ChestRadiographOptions): SyntheticInstance {
  const size = checkIntegerOption("size", options.size ?? 2048, 64, 4096);
  const transferSyntax = options.transferSyntax ?? "explicit-le";
  const study = describeStudy(options, { studyDescription: "RADIOGRAPHIE THORAX FACE" });
  const seriesKey = transferSyntax === "rle" ? "chest-pa-rle" : "chest-pa";
  const seriesInstanceUid = uidFromSeed(options.seed, "series", seriesKey);
  const sopInstanceUid = uidFromSeed(options.seed, "instance", seriesKey, "1");

  const attenuation = new Float32Array(size * size);
  chestAttenuation(size, attenuation);
  const noise = new Float32Array(size * size);
  new SeededRandom(options.seed, "chest-noise").fillTriangularNoise(noise);
  const stored = new Uint16Array(size * size);
  for (let i = 0; i < stored.length; i++) {
    const value = DIRECT_EXPOSURE_VALUE - VALUE_PER_ATTENUATION * (attenuation[i] ?? 0) + NOISE_SD * (noise[i] ?? 0);
    stored[i] = Math.min(MAX_12_BIT, Math.max(0, Math.round(value)));
  }

  const dataset: DataElement[] = [
    ...study.elements,
    ...describeSeries(study, {
      seriesInstanceUid,
      seriesNumber: 1,
      seriesDescription: transferSyntax === "rle" ? "THORAX PA RLE" : "THORAX PA",
      modality: "DX",
      bodyPartExamined: "CHEST",
      minutesAfterStudyStart: 1,
    }),
    ...dxElements(size),
    ...monochromePixelModule({ rows: size, columns: size, photometricInterpretation: "MONOCHROME1", bitsStored: 12, signed: false }),
    instanceNumberElement(1),
  ];
  const bytes = writePart10({
    sopClassUid: DX_FOR_PRESENTATION_STORAGE,
    sopInstanceUid,
    transferSyntax,
    dataset,
    pixels: { rows: size, columns: size, bitsAllocated: 16, frame: littleEndianBytes(stored) },
  });
  return { sopInstanceUid, seriesInstanceUid, studyInstanceUid: study.studyInstanceUid, fileName: instanceFileName("DX", 1), bytes };
}

/** DX Series, DX Anatomy Imaged, DX Image, DX Detector and DX Positioning (PS3.3 C.8.11). */
function dxElements(size: number): DataElement[] {
  const pixelSpacingMm = DX_DETECTOR_SIZE_MM / size;
  return [
    text(Tag.PresentationIntentType, "CS", "FOR PRESENTATION"),
    text(Tag.ImageType, "CS", "ORIGINAL", "PRIMARY"),
    // Viewed as if facing the patient: rows run towards the patient's left, columns towards the feet.
    text(Tag.PatientOrientation, "CS", "L", "F"),
    text(Tag.ImageLaterality, "CS", "U"),
    sequence(Tag.AnatomicRegionSequence, [
      text(Tag.CodeValue, "SH", "43799004"),
      text(Tag.CodingSchemeDesignator, "SH", "SCT"),
      text(Tag.CodeMeaning, "LO", "Chest"),
    ]),
    sequence(Tag.AcquisitionContextSequence),
    text(Tag.ViewPosition, "CS", "PA"),
    sequence(Tag.ViewCodeSequence, [
      text(Tag.CodeValue, "SH", "399348003"),
      text(Tag.CodingSchemeDesignator, "SH", "SCT"),
      text(Tag.CodeMeaning, "LO", "postero-anterior"),
    ]),
    text(Tag.PositionerType, "CS", "COLUMN"),
    text(Tag.DetectorType, "CS", "SCINTILLATOR"),
    decimals(Tag.ImagerPixelSpacing, pixelSpacingMm, pixelSpacingMm),
    decimals(Tag.DistanceSourceToDetector, 1800),
    decimals(Tag.DistanceSourceToPatient, 1650),
    decimals(Tag.KVP, 125),
    integers(Tag.ExposureTime, 8),
    integers(Tag.XRayTubeCurrent, 320),
    integers(Tag.Exposure, 3),
    integers(Tag.AcquisitionNumber, 1),
    text(Tag.PixelIntensityRelationship, "CS", "LOG"),
    // +1: higher values mean more X-rays reached the detector.
    binaryNumbers(Tag.PixelIntensityRelationshipSign, "SS", 1),
    decimals(Tag.RescaleIntercept, 0),
    decimals(Tag.RescaleSlope, 1),
    text(Tag.RescaleType, "LO", "US"),
    // DX "for presentation": INVERSE goes with MONOCHROME1 (PS3.3 C.8.11.3).
    text(Tag.PresentationLUTShape, "CS", "INVERSE"),
    decimals(Tag.WindowCenter, 2300),
    decimals(Tag.WindowWidth, 3400),
  ];
}

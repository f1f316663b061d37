// An axial non-contrast head CT: 1 mm slices over 200 mm by default, the head phantom in
// Hounsfield units with an acute left parietal haematoma, mild deterministic noise.
import { type DataElement, decimals, integers, text } from "./data-element";
import {
  axialImagePlane,
  axialSliceZ,
  checkIntegerOption,
  instanceFileName,
  instanceNumberElement,
  monochromePixelModule,
} from "./image-modules";
import { centredAxialGrid, headTissueSlice, Tissue, tissueTable } from "./phantom-head";
import { SeededRandom } from "./seeded-random";
import { describeSeries, describeStudy } from "./study-attributes";
import { Tag } from "./tags";
import { type SyntheticInstance, type SyntheticStudyOptions } from "./types";
import { uidFromSeed } from "./uid";
import { littleEndianBytes, type SyntheticTransferSyntax, writePart10 } from "./write-part10";

export const CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
export const CT_HEAD_FIELD_OF_VIEW_MM = 250;
export const CT_HEAD_SLICE_SPACING_MM = 1;
/** Stored value = HU + 1024, so air and everything denser is non-negative, as scanners do. */
export const CT_RESCALE_INTERCEPT = -1024;

export interface CtHeadSeriesOptions extends SyntheticStudyOptions {
  /** Default 200 (200 mm at 1 mm). */
  slices?: number;
  /** Rows and columns, default 512; the field of view stays 250 mm. */
  size?: number;
  transferSyntax?: SyntheticTransferSyntax;
}

const HOUNSFIELD = tissueTable({
  [Tissue.Air]: -1000,
  [Tissue.SoftTissue]: 45,
  [Tissue.Bone]: 1300,
  [Tissue.GrayMatter]: 38,
  [Tissue.WhiteMatter]: 28,
  [Tissue.Csf]: 6,
  [Tissue.Haematoma]: 72,
  [Tissue.Oedema]: 20,
});
const NOISE_SD_HU = tissueTable({
  [Tissue.Air]: 5,
  [Tissue.SoftTissue]: 4,
  [Tissue.Bone]: 30,
  [Tissue.GrayMatter]: 3,
  [Tissue.WhiteMatter]: 3,
  [Tissue.Csf]: 3,
  [Tissue.Haematoma]: 3,
  [Tissue.Oedema]: 3,
});

export function* ctHeadSeries(options: CtHeadSeriesOptions): Generator<SyntheticInstance> {
  const slices = checkIntegerOption("slices", options.slices ?? 200, 1, 5000);
  const size = checkIntegerOption("size", options.size ?? 512, 8, 4096);
  const transferSyntax = options.transferSyntax ?? "explicit-le";
  const study = describeStudy(options, { studyDescription: "TDM CEREBRALE SANS INJECTION" });
  // The RLE copy is its own series (same study, same pixels) so both can be stored side by side.
  const seriesKey = transferSyntax === "rle" ? "ct-head-rle" : "ct-head";
  const seriesInstanceUid = uidFromSeed(options.seed, "series", seriesKey);
  const grid = centredAxialGrid(size, CT_HEAD_FIELD_OF_VIEW_MM);

  const seriesElements: DataElement[] = [
    ...study.elements,
    ...describeSeries(study, {
      seriesInstanceUid,
      seriesNumber: transferSyntax === "rle" ? 3 : 2,
      seriesDescription: transferSyntax === "rle" ? "CEREBRAL 1mm RLE" : "CEREBRAL 1mm",
      modality: "CT",
      bodyPartExamined: "HEAD",
      minutesAfterStudyStart: 2,
    }),
    ...ctAcquisitionElements(),
    ...monochromePixelModule({ rows: size, columns: size, photometricInterpretation: "MONOCHROME2", bitsStored: 16, signed: true }),
    text(Tag.PatientPosition, "CS", "HFS"),
    text(Tag.FrameOfReferenceUID, "UI", uidFromSeed(options.seed, "frame-of-reference", "ct-head")),
    text(Tag.PositionReferenceIndicator, "LO"),
  ];

  const labels = new Uint8Array(size * size);
  const noise = new Float32Array(size * size);
  const stored = new Int16Array(size * size);
  for (let index = 0; index < slices; index++) {
    const zMm = axialSliceZ(index, slices, CT_HEAD_SLICE_SPACING_MM);
    headTissueSlice(zMm, grid, labels);
    // Noise depends on the seed and slice only, so the RLE copy holds exactly the same pixels.
    new SeededRandom(options.seed, "ct-head-noise", String(index)).fillTriangularNoise(noise);
    for (let i = 0; i < labels.length; i++) {
      const tissue = labels[i] ?? Tissue.Air;
      const hu = (HOUNSFIELD[tissue] ?? 0) + (NOISE_SD_HU[tissue] ?? 0) * (noise[i] ?? 0);
      stored[i] = Math.round(hu - CT_RESCALE_INTERCEPT);
    }
    const instanceNumber = index + 1;
    const sopInstanceUid = uidFromSeed(options.seed, "instance", seriesKey, String(instanceNumber));
    const bytes = writePart10({
      sopClassUid: CT_IMAGE_STORAGE,
      sopInstanceUid,
      transferSyntax,
      dataset: [
        ...seriesElements,
        instanceNumberElement(instanceNumber),
        ...axialImagePlane({ grid, zMm, sliceThicknessMm: CT_HEAD_SLICE_SPACING_MM, spacingBetweenSlicesMm: CT_HEAD_SLICE_SPACING_MM }),
      ],
      pixels: { rows: size, columns: size, bitsAllocated: 16, frame: littleEndianBytes(stored) },
    });
    yield { sopInstanceUid, seriesInstanceUid, studyInstanceUid: study.studyInstanceUid, fileName: instanceFileName("CT", instanceNumber), bytes };
  }
}

function ctAcquisitionElements(): DataElement[] {
  return [
    text(Tag.ImageType, "CS", "ORIGINAL", "PRIMARY", "AXIAL"),
    decimals(Tag.KVP, 120),
    decimals(Tag.DataCollectionDiameter, 500),
    decimals(Tag.ReconstructionDiameter, CT_HEAD_FIELD_OF_VIEW_MM),
    decimals(Tag.GantryDetectorTilt, 0),
    decimals(Tag.TableHeight, 150),
    text(Tag.RotationDirection, "CS", "CW"),
    integers(Tag.ExposureTime, 1000),
    integers(Tag.XRayTubeCurrent, 280),
    integers(Tag.Exposure, 280),
    text(Tag.ConvolutionKernel, "SH", "H31s"),
    integers(Tag.AcquisitionNumber, 1),
    decimals(Tag.RescaleIntercept, CT_RESCALE_INTERCEPT),
    decimals(Tag.RescaleSlope, 1),
    text(Tag.RescaleType, "LO", "HU"),
    // Brain window first (what a viewer opens with), bone window second.
    decimals(Tag.WindowCenter, 40, 600),
    decimals(Tag.WindowWidth, 80, 2800),
    text(Tag.WindowCenterWidthExplanation, "LO", "BRAIN", "BONE"),
  ];
}

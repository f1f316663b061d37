// An axial T2-weighted turbo spin echo of the head phantom: bright CSF and oedema, dark bone
// and a hypointense acute haematoma; 5 mm slices every 6 mm, 12-bit magnitude with Rician-like noise.
import { type DataElement, binaryNumbers, decimals, integers, text } from "./data-element";
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
import { littleEndianBytes, writePart10 } from "./write-part10";

export const MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";
export const MR_FIELD_OF_VIEW_MM = 230;
export const MR_SLICE_THICKNESS_MM = 5;
export const MR_SLICE_SPACING_MM = 6;

export interface MrSeriesOptions extends SyntheticStudyOptions {
  /** Default 24. */
  slices?: number;
  /** Rows and columns, default 256; the field of view stays 230 mm. */
  size?: number;
}

const T2_SIGNAL = tissueTable({
  [Tissue.Air]: 0,
  [Tissue.SoftTissue]: 900,
  [Tissue.Bone]: 80,
  [Tissue.GrayMatter]: 1150,
  [Tissue.WhiteMatter]: 850,
  [Tissue.Csf]: 2800,
  [Tissue.Haematoma]: 450,
  [Tissue.Oedema]: 2000,
});
const NOISE_SD = 30;
const MAX_12_BIT = 4095;

export function* mrSeries(options: MrSeriesOptions): Generator<SyntheticInstance> {
  const slices = checkIntegerOption("slices", options.slices ?? 24, 1, 1000);
  const size = checkIntegerOption("size", options.size ?? 256, 8, 2048);
  const study = describeStudy(options, { studyDescription: "IRM CEREBRALE" });
  const seriesInstanceUid = uidFromSeed(options.seed, "series", "mr-t2-axial");
  const grid = centredAxialGrid(size, MR_FIELD_OF_VIEW_MM);

  const seriesElements: DataElement[] = [
    ...study.elements,
    ...describeSeries(study, {
      seriesInstanceUid,
      seriesNumber: 3,
      seriesDescription: "T2 TSE AXIAL",
      modality: "MR",
      bodyPartExamined: "HEAD",
      minutesAfterStudyStart: 6,
    }),
    ...mrAcquisitionElements(size),
    ...monochromePixelModule({ rows: size, columns: size, photometricInterpretation: "MONOCHROME2", bitsStored: 12, signed: false }),
    text(Tag.PatientPosition, "CS", "HFS"),
    text(Tag.FrameOfReferenceUID, "UI", uidFromSeed(options.seed, "frame-of-reference", "mr-head")),
    text(Tag.PositionReferenceIndicator, "LO"),
  ];

  const labels = new Uint8Array(size * size);
  const noise = new Float32Array(size * size);
  const stored = new Uint16Array(size * size);
  for (let index = 0; index < slices; index++) {
    const zMm = axialSliceZ(index, slices, MR_SLICE_SPACING_MM);
    headTissueSlice(zMm, grid, labels);
    new SeededRandom(options.seed, "mr-noise", String(index)).fillTriangularNoise(noise);
    for (let i = 0; i < labels.length; i++) {
      // A magnitude image: noise around zero folds back positive, as in real MR backgrounds.
      const signal = Math.abs((T2_SIGNAL[labels[i] ?? Tissue.Air] ?? 0) + NOISE_SD * (noise[i] ?? 0));
      stored[i] = Math.min(MAX_12_BIT, Math.round(signal));
    }
    const instanceNumber = index + 1;
    const sopInstanceUid = uidFromSeed(options.seed, "instance", "mr-t2-axial", String(instanceNumber));
    const bytes = writePart10({
      sopClassUid: MR_IMAGE_STORAGE,
      sopInstanceUid,
      transferSyntax: "explicit-le",
      dataset: [
        ...seriesElements,
        instanceNumberElement(instanceNumber),
        ...axialImagePlane({ grid, zMm, sliceThicknessMm: MR_SLICE_THICKNESS_MM, spacingBetweenSlicesMm: MR_SLICE_SPACING_MM }),
      ],
      pixels: { rows: size, columns: size, bitsAllocated: 16, frame: littleEndianBytes(stored) },
    });
    yield { sopInstanceUid, seriesInstanceUid, studyInstanceUid: study.studyInstanceUid, fileName: instanceFileName("MR", instanceNumber), bytes };
  }
}

/** MR Image module (PS3.3 C.8.3.1) values of a plausible 1.5 T T2 TSE. */
function mrAcquisitionElements(size: number): DataElement[] {
  const phaseSteps = Math.round(size * 0.8);
  return [
    text(Tag.ImageType, "CS", "ORIGINAL", "PRIMARY", "OTHER"),
    text(Tag.ScanningSequence, "CS", "SE"),
    text(Tag.SequenceVariant, "CS", "SK"),
    text(Tag.ScanOptions, "CS"),
    text(Tag.MRAcquisitionType, "CS", "2D"),
    text(Tag.SequenceName, "SH", "tse2d1_15"),
    text(Tag.AngioFlag, "CS", "N"),
    decimals(Tag.RepetitionTime, 4500),
    decimals(Tag.EchoTime, 95),
    integers(Tag.EchoTrainLength, 15),
    decimals(Tag.NumberOfAverages, 2),
    decimals(Tag.ImagingFrequency, 63.87),
    text(Tag.ImagedNucleus, "SH", "1H"),
    integers(Tag.EchoNumbers, 1),
    decimals(Tag.MagneticFieldStrength, 1.5),
    integers(Tag.NumberOfPhaseEncodingSteps, phaseSteps),
    decimals(Tag.PercentSampling, 80),
    decimals(Tag.PercentPhaseFieldOfView, 100),
    decimals(Tag.PixelBandwidth, 190),
    text(Tag.ReceiveCoilName, "SH", "HEAD 16"),
    text(Tag.TransmitCoilName, "SH", "BODY"),
    // frequency rows \ frequency columns \ phase rows \ phase columns, phase encoded along rows.
    binaryNumbers(Tag.AcquisitionMatrix, "US", 0, size, phaseSteps, 0),
    text(Tag.InPlanePhaseEncodingDirection, "CS", "ROW"),
    decimals(Tag.FlipAngle, 150),
    integers(Tag.AcquisitionNumber, 1),
    decimals(Tag.WindowCenter, 1400),
    decimals(Tag.WindowWidth, 2800),
  ];
}

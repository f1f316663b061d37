// Deterministic synthetic DICOM (CT head, chest radiograph, MR head) for the seed, tests and
// benchmarks. Same seed, same bytes; nothing here touches the disk.
export type { SyntheticInstance, SyntheticPatient, SyntheticStudyOptions, SyntheticTransferSyntax } from "./types";
export { ctHeadSeries, type CtHeadSeriesOptions } from "./ct-head-series";
export { chestRadiograph, type ChestRadiographOptions } from "./chest-radiograph";
export { mrSeries, type MrSeriesOptions } from "./mr-series";
export { uidFromSeed } from "./uid";

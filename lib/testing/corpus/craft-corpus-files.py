"""Crafted DICOM files for the real-world corpus, one per case the archive must accept.

Written with pydicom (the 3.0.2 wheel that public-dicom-files.ts fetches, on PYTHONPATH), so
the encoder is another toolkit than ours: ISO 2022 names are encoded by Python's codecs,
palettes, YBR_FULL_422, 1-bit and float pixel data laid out as PS3.3/PS3.5 say.
Usage: python3 craft-corpus-files.py <output directory>. Prints nothing; writes <case>.dcm.
"""

import struct
import sys
from pathlib import Path

from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

ROOT = "1.2.826.0.1.3680043.8.498."  # pydicom's root; fresh UIDs each build are fine (cache)
SC = "1.2.840.10008.5.1.4.1.1.7"


def base(sop_class, modality="OT", name="CORPUS^CRAFTED", patient_id="CORPUS-1", charset="ISO_IR 100"):
    ds = Dataset()
    if charset is not None:
        ds.SpecificCharacterSet = charset
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = generate_uid(ROOT)
    ds.StudyInstanceUID = generate_uid(ROOT)
    ds.SeriesInstanceUID = generate_uid(ROOT)
    ds.StudyDate = "20240102"
    ds.StudyTime = "101500"
    ds.AccessionNumber = ""
    ds.Modality = modality
    ds.PatientName = name
    ds.PatientID = patient_id
    ds.PatientBirthDate = "19700101"
    ds.PatientSex = "O"
    ds.StudyID = "1"
    ds.SeriesNumber = 1
    ds.InstanceNumber = 1
    return ds


def image(ds, rows, columns, bits, samples=1, photometric="MONOCHROME2", frames=None, pixel_representation=0):
    ds.SamplesPerPixel = samples
    ds.PhotometricInterpretation = photometric
    ds.Rows = rows
    ds.Columns = columns
    ds.BitsAllocated = bits
    ds.BitsStored = bits
    ds.HighBit = bits - 1
    ds.PixelRepresentation = pixel_representation
    if samples > 1:
        ds.PlanarConfiguration = 0
    if frames is not None:
        ds.NumberOfFrames = frames
    return ds


def pixels(ds, data, tag=0x7FE00010, vr="OB"):
    if len(data) % 2:
        data += b"\0"
    ds.add(DataElement(tag, vr, data))
    return ds


def save(ds, out, name):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = ROOT + "1"
    ds.file_meta = meta
    ds.save_as(out / f"{name}.dcm", enforce_file_format=True)


def gradient(count, modulo=256):
    return bytes(i % modulo for i in range(count))


def main(out):
    out.mkdir(parents=True, exist_ok=True)

    # PALETTE COLOR with segmented palette LUTs (PS3.3 C.7.9.2): discrete segments only.
    ds = image(base(SC, "OT", "PALETTE^SEGMENTED"), 16, 16, 8, photometric="PALETTE COLOR")
    for descriptor in (0x00281101, 0x00281102, 0x00281103):
        ds.add(DataElement(descriptor, "US", [256, 0, 16]))
    for index, lut in enumerate((0x00281221, 0x00281222, 0x00281223)):
        ds.add(DataElement(lut, "OW", struct.pack("<4H", 0, 2, 0, 65535 - index * 20000) + struct.pack("<2H", 1, 256)))
    save(pixels(ds, gradient(256)), out, "palette-segmented")

    # PALETTE COLOR with ordinary LUTs, kept inline in the metadata for the viewer.
    ds = image(base(SC, "US", "PALETTE^NORMAL"), 16, 16, 8, photometric="PALETTE COLOR")
    for descriptor, lut in ((0x00281101, 0x00281201), (0x00281102, 0x00281202), (0x00281103, 0x00281203)):
        ds.add(DataElement(descriptor, "US", [256, 0, 16]))
        ds.add(DataElement(lut, "OW", struct.pack("<256H", *[i * 257 for i in range(256)])))
    save(pixels(ds, gradient(256)), out, "palette-normal")

    # Uncompressed YBR_FULL_422: two luminance and one chrominance pair per two pixels, 2 frames.
    ds = image(base(SC, "XC", "YBR^FULL422"), 4, 6, 8, samples=3, photometric="YBR_FULL_422", frames=2)
    save(pixels(ds, gradient(4 * 6 * 2 * 2)), out, "ybr-full-422-2-frames")

    # RGB planar configuration 1 (colour-by-plane).
    ds = image(base(SC, "SC", "RGB^PLANAR"), 8, 8, 8, samples=3, photometric="RGB")
    ds.PlanarConfiguration = 1
    save(pixels(ds, gradient(8 * 8 * 3)), out, "rgb-planar-1")

    # A 1-bit segmentation whose frames (5 x 5 = 25 bits) do not end on a byte.
    ds = image(base("1.2.840.10008.5.1.4.1.1.66.4", "SEG", "SEG^ONEBIT"), 5, 5, 1, frames=3)
    ds.SegmentationType = "BINARY"
    save(pixels(ds, bytes([0b10101010]) * 10, vr="OB"), out, "seg-1-bit-unaligned-frames")

    # 32-bit unsigned integer pixels, and float / double float pixel data (parametric maps).
    ds = image(base(SC, "OT", "THIRTYTWO^BITS"), 4, 4, 32)
    save(pixels(ds, struct.pack("<16I", *range(0, 16_000_000, 1_000_000)), vr="OW"), out, "mono-32-bit")
    ds = image(base("1.2.840.10008.5.1.4.1.1.30", "MR", "FLOAT^PIXELS"), 4, 4, 32)
    del ds.PixelRepresentation, ds.BitsStored, ds.HighBit
    save(pixels(ds, struct.pack("<16f", *[i / 3 for i in range(16)]), tag=0x7FE00008, vr="OF"), out, "float-pixel-data")
    ds = image(base("1.2.840.10008.5.1.4.1.1.30", "MR", "DOUBLE^PIXELS"), 4, 4, 64)
    del ds.PixelRepresentation, ds.BitsStored, ds.HighBit
    save(pixels(ds, struct.pack("<16d", *[i / 7 for i in range(16)]), tag=0x7FE00009, vr="OD"), out, "double-float-pixel-data")

    # Names in ISO 2022 with code extensions: Japanese (IR 87 with IR 6 default), Korean (IR 149).
    ds = image(base(SC, "OT", "Yamada^Tarou=山田^太郎=やまだ^たろう", "JP-2022", ["", "ISO 2022 IR 87"]), 8, 8, 8)
    ds.StudyDescription = "頭部=CT"
    save(pixels(ds, gradient(64)), out, "iso-2022-japanese")
    ds = image(base(SC, "OT", "Hong^Gildong=洪^吉洞=홍^길동", "KR-2022", ["", "ISO 2022 IR 149"]), 8, 8, 8)
    save(pixels(ds, gradient(64)), out, "iso-2022-korean")

    # Text the decoder cannot read (Latin-1 bytes declared UTF-8): stored, with a warning.
    ds = image(base(SC, "OT", "placeholder", "BAD-UTF8", "ISO_IR 192"), 8, 8, 8)
    ds[0x00100010] = DataElement(0x00100010, "PN", b"Caf\xe9^Jos\xe9")
    save(pixels(ds, gradient(64)), out, "undecodable-name")

    # Empty Patient ID; one Patient ID carried by two different names (two studies).
    save(pixels(image(base(SC, "", "NOID^EMPTY", ""), 8, 8, 8), gradient(64)), out, "empty-patient-id-empty-modality")
    save(pixels(image(base(SC, "OT", "DUPONT^JEAN", "SHARED-77"), 8, 8, 8), gradient(64)), out, "shared-id-first-name")
    save(pixels(image(base(SC, "OT", "MARTIN^PAUL", "SHARED-77"), 8, 8, 8), gradient(64)), out, "shared-id-second-name")

    # Values longer than their VR allows: a description is indexed cut (warning), a Patient ID refused.
    ds = image(base(SC, "OT", "LONG^DESCRIPTION"), 8, 8, 8)
    ds.StudyDescription = "Scanner thoraco-abdomino-pelvien avec injection, protocole de suivi oncologique complet"
    save(pixels(ds, gradient(64)), out, "overlong-description")
    ds = image(base(SC, "OT", "LONG^IDENTIFIER", "ID-" + "9" * 70), 8, 8, 8)
    save(pixels(ds, gradient(64)), out, "overlong-patient-id")

    # Private storage SOP class with pixels, and a large private binary value (bulk data).
    ds = image(base("1.3.6.1.4.1.99999.7.1", "OT", "PRIVATE^CLASS"), 8, 8, 8)
    ds.add_new(0x00990010, "LO", "CORPUS PRIVATE")
    ds.add_new(0x00991001, "OB", bytes(range(256)) * 400)
    save(pixels(ds, gradient(64)), out, "private-class-large-private-blob")

    # Basic Text SR, Key Object Selection, Grayscale Softcopy Presentation State: no pixels.
    ds = base("1.2.840.10008.5.1.4.1.1.88.11", "SR", "REPORT^TEXT")
    ds.ValueType = "CONTAINER"
    ds.ContinuityOfContent = "SEPARATE"
    item = Dataset()
    item.RelationshipType = "CONTAINS"
    item.ValueType = "TEXT"
    item.TextValue = "Pas d'anomalie décelable."
    ds.ContentSequence = Sequence([item])
    save(ds, out, "basic-text-sr")
    ds = base("1.2.840.10008.5.1.4.1.1.88.59", "KO", "KEY^OBJECTS")
    ds.ValueType = "CONTAINER"
    ds.ContentSequence = Sequence([])
    save(ds, out, "key-object-selection")
    ds = base("1.2.840.10008.5.1.4.1.1.11.1", "PR", "PRESENTATION^STATE")
    ds.ContentLabel = "CORPUS"
    save(ds, out, "grayscale-presentation-state")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

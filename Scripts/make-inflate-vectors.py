"""Writes the test vectors of ClusterKit's inflate (Sources/ClusterKitCore/Spreadsheet/Inflate.swift) with zlib.

Each vector is a raw deflate stream (RFC 1951, as in a zip entry: wbits -15) in Tests/Fixtures/inflate/NAME.deflate,
and Tests/Fixtures/inflate/vectors.json gives the size and CRC-32 (zlib.crc32) of what it expands to. The inputs are
made from a fixed seed so that running this again gives the same files. It also writes the zip bombs: two .xlsx packages in
Tests/Fixtures/spreadsheets/ whose sheet is 200,000,000 zero bytes deflated (194 KB): bomb-200MB.xlsx, its headers
true, and bomb-understated.xlsx, its headers declaring 10,000 bytes.

    python3 Scripts/make-inflate-vectors.py
"""
import json
import os
import random
import struct
import zlib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
OUT = os.path.join(ROOT, "Tests/Fixtures/inflate")


def deflate(data, level=6, strategy=zlib.Z_DEFAULT_STRATEGY, chunks=None):
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    out = b""
    if chunks:
        for chunk in chunks:
            out += compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    else:
        out += compressor.compress(data)
    return out + compressor.flush()


def main():
    rng = random.Random(20)
    words = ["cotisations", "subventions", "prestations", "Région", "pôle", "grappe", "animation", "dépenses",
             "ressources", "autofinancement", "€", "2013", "FEDER", "mécénat", "adhérents", "services"]
    text = " ".join(rng.choice(words) for _ in range(20000)).encode("utf-8")
    random_bytes = bytes(rng.getrandbits(8) for _ in range(70000))
    window = bytes(rng.getrandbits(8) for _ in range(32768))
    vectors = {
        "empty": (b"", {}),
        "hello-fixed": (b"Bonjour, Mecabourg ! " * 40, {"strategy": zlib.Z_FIXED}),
        "text-fixed": (text, {"strategy": zlib.Z_FIXED, "level": 9}),
        "text-dynamic": (text, {"level": 9}),
        "text-fast": (text, {"level": 1}),
        "text-huffman-only": (text, {"strategy": zlib.Z_HUFFMAN_ONLY}),
        "random-stored": (random_bytes, {"level": 0}),
        "random-incompressible": (random_bytes, {"level": 9}),
        "zeros-long-matches": (bytes(1 << 20), {"level": 9}),
        "abc-overlapping-matches": (b"abc" * 30000, {"level": 9}),
        "window-32768-distance": (window + window, {"level": 9}),
        "rle": (bytes([7]) * 5000 + b"x" + bytes([9]) * 5000, {"strategy": zlib.Z_RLE}),
        "mixed-flushes": (None, {"chunks": [text[:5000], random_bytes[:3000], bytes(4000), text[5000:9000]]}),
        "one-byte": (b"A", {}),
    }
    manifest = {}
    for name, (data, options) in vectors.items():
        if data is None:
            data = b"".join(options["chunks"])
        stream = deflate(data, **options)
        assert zlib.decompress(stream, -15) == data
        with open(os.path.join(OUT, name + ".deflate"), "wb") as file:
            file.write(stream)
        manifest[name] = {"size": len(data), "crc32": zlib.crc32(data)}
        print(f"{name}: {len(data)} bytes in {len(stream)}")
    with open(os.path.join(OUT, "vectors.json"), "w") as file:
        json.dump(manifest, file, indent=2, sort_keys=True)
        file.write("\n")

    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    bomb = b"".join(compressor.compress(chunk) for _ in range(200_000_000 // len(chunk)))
    bomb += compressor.compress(bytes(200_000_000 % len(chunk))) + compressor.flush()
    crc = zlib.crc32(bytes(200_000_000))
    print(f"zeros-200MB: 200000000 bytes in {len(bomb)}, CRC-32 {crc:#010x}")
    for name, declared in (("bomb-200MB", 200_000_000), ("bomb-understated", 10_000)):
        write_bomb(os.path.join(ROOT, f"Tests/Fixtures/spreadsheets/{name}.xlsx"), bomb, declared, crc)
        print(f"{name}.xlsx: its sheet declares {declared} bytes")


def write_bomb(path, stream, declared, crc):
    """An .xlsx package (entries stored) whose sheet is the raw deflate `stream`, declaring `declared` bytes."""
    parts = [
        ("[Content_Types].xml", b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("_rels/.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml", b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    ]
    out, directory = b"", b""
    entries = [(name, data, 0, len(data), zlib.crc32(data)) for name, data in parts]
    entries.append(("xl/worksheets/sheet1.xml", stream, 8, declared, crc))
    for name, data, method, size, checksum in entries:
        offset = len(out)
        encoded = name.encode()
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, checksum, len(data), size, len(encoded), 0)
        out += encoded + data
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, checksum, len(data), size,
                                 len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    out += directory + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), len(out), 0)
    with open(path, "wb") as file:
        file.write(out)


if __name__ == "__main__":
    main()

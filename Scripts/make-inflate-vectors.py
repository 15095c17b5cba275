"""Writes the test vectors of ClusterKit's inflate (Sources/ClusterKitCore/Spreadsheet/Inflate.swift) with zlib.

Each vector is a raw deflate stream (RFC 1951, as in a zip entry: wbits -15) in Tests/Fixtures/inflate/NAME.deflate,
and Tests/Fixtures/inflate/vectors.json gives the size and CRC-32 (zlib.crc32) of what it expands to. The inputs are
made from a fixed seed so that running this again gives the same files. It also writes the zip bomb's stream:
Tests/Fixtures/spreadsheets/zeros-200MB.deflate, 200,000,000 zero bytes.

    python3 Scripts/make-inflate-vectors.py
"""
import json
import os
import random
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
    with open(os.path.join(ROOT, "Tests/Fixtures/spreadsheets/zeros-200MB.deflate"), "wb") as file:
        file.write(bomb)
    print(f"zeros-200MB: 200000000 bytes in {len(bomb)}, CRC-32 {zlib.crc32(bytes(200_000_000)):#010x}")


if __name__ == "__main__":
    main()

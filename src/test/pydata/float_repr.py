"""FloatReprTest.CASES: (bit pattern, repr(float))."""
import struct


def repr_of_bits(bits):
    return [repr(struct.unpack("<d", struct.pack("<q", bits))[0])]


FILE = "src/test/java/dev/skein/runtime/FloatReprTest.java"
TABLES = {"CASES": (1, repr_of_bits)}

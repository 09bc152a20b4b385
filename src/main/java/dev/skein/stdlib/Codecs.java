package dev.skein.stdlib;

import dev.skein.runtime.Bytes;
import dev.skein.runtime.Errors;
import dev.skein.runtime.SkeinError;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Text encodings for str.encode, bytes.decode, bytes(str, encoding) and str(bytes, encoding).
 * UTF-8, ASCII and Latin-1 are done by hand so errors read exactly like Python's
 * UnicodeEncodeError / UnicodeDecodeError (raised here as ValueError); other encodings go
 * through java.nio. Error handlers: strict, ignore, replace.
 */
final class Codecs {
    private Codecs() {}

    /** Python's canonical spelling of an encoding name ("UTF8" → "utf-8"). */
    static String normalize(String encoding) {
        String e = encoding.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (e) {
            case "utf-8", "utf8", "u8", "utf" -> "utf-8";
            case "ascii", "us-ascii", "646" -> "ascii";
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "latin" -> "latin-1";
            case "utf-16", "utf16" -> "utf-16";
            case "utf-16-le", "utf-16le" -> "utf-16-le";
            case "utf-16-be", "utf-16be" -> "utf-16-be";
            case "utf-32", "utf32" -> "utf-32";
            case "utf-32-le", "utf-32le" -> "utf-32-le";
            case "utf-32-be", "utf-32be" -> "utf-32-be";
            default -> e;
        };
    }

    /**
     * Checked only when a character or byte actually fails, as Python does; an unknown handler
     * then fails like strict would, but names the handler.
     */
    private static void checkHandler(String errors) {
        if (!errors.equals("strict") && !errors.equals("ignore") && !errors.equals("replace")) {
            throw Errors.value("unknown error handler name '" + errors + "'");
        }
    }

    static Bytes encode(String s, String encoding, String errors) {
        String enc = normalize(encoding);
        return switch (enc) {
            case "utf-8" -> Bytes.wrap(encodeSimple(s, enc, errors, 0x10ffff));
            case "ascii" -> Bytes.wrap(encodeSimple(s, enc, errors, 0x7f));
            case "latin-1" -> Bytes.wrap(encodeSimple(s, enc, errors, 0xff));
            case "utf-16" -> Bytes.wrap(withBom(new byte[] {(byte) 0xff, (byte) 0xfe}, encodeNio(s, enc, StandardCharsets.UTF_16LE, errors)));
            case "utf-32" -> Bytes.wrap(withBom(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0}, encodeNio(s, enc, Charset.forName("UTF-32LE"), errors)));
            default -> Bytes.wrap(encodeNio(s, enc, charset(enc), errors));
        };
    }

    static String decode(byte[] data, String encoding, String errors) {
        String enc = normalize(encoding);
        return switch (enc) {
            case "utf-8" -> decodeUtf8(data, errors);
            case "ascii" -> decodeAscii(data, errors);
            case "latin-1" -> new String(data, StandardCharsets.ISO_8859_1);
            case "utf-16" -> decodeWithBom(data, enc, errors, new byte[] {(byte) 0xff, (byte) 0xfe}, StandardCharsets.UTF_16LE,
                    new byte[] {(byte) 0xfe, (byte) 0xff}, StandardCharsets.UTF_16BE);
            case "utf-32" -> decodeWithBom(data, enc, errors, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0}, Charset.forName("UTF-32LE"),
                    new byte[] {0, 0, (byte) 0xfe, (byte) 0xff}, Charset.forName("UTF-32BE"));
            default -> decodeNio(data, 0, enc, charset(enc), errors);
        };
    }

    private static Charset charset(String enc) {
        String javaName = switch (enc) {
            case "utf-16-le" -> "UTF-16LE";
            case "utf-16-be" -> "UTF-16BE";
            case "utf-32-le" -> "UTF-32LE";
            case "utf-32-be" -> "UTF-32BE";
            default -> enc;
        };
        try {
            return Charset.forName(javaName);
        } catch (IllegalArgumentException e) {
            throw Errors.value("unknown encoding: " + enc);
        }
    }

    /** UTF-8 (limit 0x10ffff), Latin-1 (0xff) or ASCII (0x7f), code point by code point. */
    private static byte[] encodeSimple(String s, String enc, String errors, int limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
        int position = 0;
        for (int i = 0; i < s.length(); position++) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean surrogate = cp >= 0xd800 && cp <= 0xdfff;
            if (cp > limit || (surrogate && limit == 0x10ffff)) {
                checkHandler(errors);
                if (errors.equals("strict")) {
                    String why = limit == 0x10ffff ? "surrogates not allowed" : "ordinal not in range(" + (limit + 1) + ")";
                    throw Errors.value("'" + enc + "' codec can't encode character '" + escape(cp) + "' in position " + position + ": " + why);
                }
                if (errors.equals("replace")) out.write('?');
                continue;
            }
            if (limit != 0x10ffff || cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xc0 | cp >> 6);
                out.write(0x80 | cp & 0x3f);
            } else if (cp < 0x10000) {
                out.write(0xe0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 0x3f);
                out.write(0x80 | cp & 0x3f);
            } else {
                out.write(0xf0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3f);
                out.write(0x80 | cp >> 6 & 0x3f);
                out.write(0x80 | cp & 0x3f);
            }
        }
        return out.toByteArray();
    }

    private static String escape(int cp) {
        if (cp < 0x100) return String.format("\\x%02x", cp);
        if (cp < 0x10000) return String.format("\\u%04x", cp);
        return String.format("\\U%08x", cp);
    }

    private static byte[] encodeNio(String s, String enc, Charset cs, String errors) {
        var encoder = cs.newEncoder()
                .onMalformedInput(action(errors))
                .onUnmappableCharacter(action(errors));
        if (errors.equals("replace")) encoder.replaceWith(new byte[] {'?'});
        try {
            ByteBuffer bb = encoder.encode(CharBuffer.wrap(s));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            checkHandler(errors);
            throw Errors.value("'" + enc + "' codec can't encode the text: " + e.getMessage());
        }
    }

    private static CodingErrorAction action(String errors) {
        return switch (errors) {
            case "ignore" -> CodingErrorAction.IGNORE;
            case "replace" -> CodingErrorAction.REPLACE;
            default -> CodingErrorAction.REPORT;
        };
    }

    private static byte[] withBom(byte[] bom, byte[] body) {
        byte[] out = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, out, 0, bom.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }

    private static String decodeWithBom(byte[] data, String enc, String errors, byte[] leBom, Charset le, byte[] beBom, Charset be) {
        if (startsWith(data, leBom)) return decodeNio(data, leBom.length, enc, le, errors);
        if (startsWith(data, beBom)) return decodeNio(data, beBom.length, enc, be, errors);
        return decodeNio(data, 0, enc, le, errors);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (data[i] != prefix[i]) return false;
        return true;
    }

    private static String decodeNio(byte[] data, int offset, String enc, Charset cs, String errors) {
        var decoder = cs.newDecoder().onMalformedInput(action(errors)).onUnmappableCharacter(action(errors));
        try {
            return decoder.decode(ByteBuffer.wrap(data, offset, data.length - offset)).toString();
        } catch (CharacterCodingException e) {
            checkHandler(errors);
            throw Errors.value("'" + enc + "' codec can't decode the bytes: " + e.getMessage());
        }
    }

    private static String decodeAscii(byte[] data, String errors) {
        StringBuilder sb = new StringBuilder(data.length);
        for (int i = 0; i < data.length; i++) {
            int b = data[i] & 0xff;
            if (b < 0x80) { sb.append((char) b); continue; }
            checkHandler(errors);
            if (errors.equals("strict")) throw decodeError("ascii", data, i, i + 1, "ordinal not in range(128)");
            if (errors.equals("replace")) sb.append('\ufffd');
        }
        return sb.toString();
    }

    /** UTF-8 with CPython's rules for what counts as one invalid sequence and how it is reported. */
    private static String decodeUtf8(byte[] data, String errors) {
        StringBuilder sb = new StringBuilder(data.length);
        int i = 0, n = data.length;
        while (i < n) {
            int b = data[i] & 0xff;
            if (b < 0x80) { sb.append((char) b); i++; continue; }
            int need;
            int lo = 0x80, hi = 0xbf;   // allowed range of the first continuation byte
            if (b >= 0xc2 && b <= 0xdf) need = 1;
            else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b == 0xe0) lo = 0xa0; if (b == 0xed) hi = 0x9f; }
            else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b == 0xf0) lo = 0x90; if (b == 0xf4) hi = 0x8f; }
            else {
                i = decodeFailure(sb, data, i, i + 1, "invalid start byte", errors);
                continue;
            }
            int cp = b & (0x3f >> need);
            int j = i + 1;
            String problem = null;
            for (int k = 0; k < need; k++, j++) {
                if (j >= n) { problem = "unexpected end of data"; break; }
                int c = data[j] & 0xff;
                int min = k == 0 ? lo : 0x80, max = k == 0 ? hi : 0xbf;
                if (c < min || c > max) { problem = "invalid continuation byte"; break; }
                cp = cp << 6 | (c & 0x3f);
            }
            if (problem != null) {
                i = decodeFailure(sb, data, i, j, problem, errors);
                continue;
            }
            sb.appendCodePoint(cp);
            i = j;
        }
        return sb.toString();
    }

    /** Applies the error handler to data[start:end]; returns where decoding resumes. */
    private static int decodeFailure(StringBuilder sb, byte[] data, int start, int end, String why, String errors) {
        checkHandler(errors);
        if (errors.equals("strict")) throw decodeError("utf-8", data, start, end, why);
        if (errors.equals("replace")) sb.append('\ufffd');
        return end;
    }

    private static SkeinError decodeError(String enc, byte[] data, int start, int end, String why) {
        String where = end - start == 1
                ? String.format("byte 0x%02x in position %d", data[start] & 0xff, start)
                : "bytes in position " + start + "-" + (end - 1);
        return Errors.value("'" + enc + "' codec can't decode " + where + ": " + why);
    }
}

package dev.skein.stdlib.modules;

import dev.skein.runtime.Builtin;
import dev.skein.runtime.Bytes;
import dev.skein.runtime.Capability;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.NativeModule;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.Values;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * {@code import fs}: whole-file reads and writes and directory helpers. Every function first
 * checks the FILES capability. Relative paths resolve against the process's working directory.
 * Failures are IOErrors naming the path and the reason: {@code no such file: 'x.txt'}.
 * Reading text translates \r\n and \r to \n, as Python's text mode does.
 */
public final class FsModule {
    private FsModule() {}

    public static NativeModule create(Interpreter interp) {
        NativeModule m = new NativeModule("fs");
        def(m, "read_text", "path, encoding=?", a -> {
            String p = Args.str(a[0], "path");
            Charset cs = charset(a[1]);
            byte[] data = io(p, () -> Files.readAllBytes(path(p)));
            return newlines(decode(data, cs, p));
        });
        def(m, "write_text", "path, text, encoding=?", a -> write(Args.str(a[0], "path"), a[1], charset(a[2]), false));
        def(m, "append_text", "path, text, encoding=?", a -> write(Args.str(a[0], "path"), a[1], charset(a[2]), true));
        def(m, "read_bytes", "path", a -> {
            String p = Args.str(a[0], "path");
            return Bytes.wrap(io(p, () -> Files.readAllBytes(path(p))));
        });
        def(m, "write_bytes", "path, data", a -> {
            String p = Args.str(a[0], "path");
            if (!(a[1] instanceof Bytes b)) throw Errors.type("data must be bytes, not " + Values.typeName(a[1]));
            io(p, () -> Files.write(path(p), b.unsafeArray()));
            return (long) b.length();
        });
        def(m, "exists", "path", a -> Files.exists(path(Args.str(a[0], "path"))));
        def(m, "is_file", "path", a -> Files.isRegularFile(path(Args.str(a[0], "path"))));
        def(m, "is_dir", "path", a -> Files.isDirectory(path(Args.str(a[0], "path"))));
        def(m, "list", "path=?", a -> {
            String p = Args.absent(a[0]) ? "." : Args.str(a[0], "path");
            Object[] names = io(p, () -> {
                try (Stream<Path> s = Files.list(path(p))) {
                    return s.map(x -> x.getFileName().toString()).sorted().toArray();
                }
            });
            return SkeinList.wrap(names);
        });
        def(m, "mkdir", "path, parents=?, exist_ok=?", a -> {
            String p = Args.str(a[0], "path");
            boolean parents = Args.bool(a[1], true), existOk = Args.bool(a[2], true);
            Path target = path(p);
            if (Files.isDirectory(target)) {
                if (!existOk) throw Errors.io("already exists: " + Convert.repr(p));
                return null;
            }
            io(p, () -> parents ? Files.createDirectories(target) : Files.createDirectory(target));
            return null;
        });
        def(m, "remove", "path", a -> {
            String p = Args.str(a[0], "path");
            io(p, () -> { Files.delete(path(p)); return null; });
            return null;
        });
        def(m, "size", "path", a -> {
            String p = Args.str(a[0], "path");
            return io(p, () -> Files.size(path(p)));
        });
        def(m, "join", "*parts", a -> PathText.join((Object[]) a[0]));
        def(m, "basename", "path", a -> PathText.basename(Args.str(a[0], "path")));
        def(m, "dirname", "path", a -> PathText.dirname(Args.str(a[0], "path")));
        def(m, "abspath", "path", a -> path(Args.str(a[0], "path")).toAbsolutePath().normalize().toString());
        def(m, "cwd", "", a -> Path.of("").toAbsolutePath().toString());
        return m;
    }

    /** The body of an fs function, after the capability check. */
    private interface Body {
        Object apply(Object[] a);
    }

    private static void def(NativeModule m, String name, String spec, Body body) {
        m.def(name, spec, (Builtin.Body) (ts, a) -> {
            ts.interp().require(Capability.FILES);
            return body.apply(a);
        });
    }

    private static Path path(String p) {
        try {
            return Path.of(p);
        } catch (InvalidPathException e) {
            throw Errors.value("invalid path " + Convert.repr(p) + ": " + e.getReason());
        }
    }

    private static Object write(String p, Object text, Charset cs, boolean append) {
        String s = Args.str(text, "text");
        byte[] data = s.getBytes(cs);
        io(p, () -> append
                ? Files.write(path(p), data, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : Files.write(path(p), data));
        return (long) s.codePointCount(0, s.length());
    }

    /** An encoding by Java name or Python codec name ("latin-1", "utf_8", "u8" …). */
    private static Charset charset(Object encoding) {
        if (Args.absent(encoding)) return java.nio.charset.StandardCharsets.UTF_8;
        String name = Args.str(encoding, "encoding");
        String py = name.toLowerCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        String javaName = switch (py) {
            case "latin_1", "latin1", "l1", "iso8859_1", "iso_8859_1" -> "ISO-8859-1";
            case "utf_8", "utf8", "u8" -> "UTF-8";
            case "ascii", "us_ascii" -> "US-ASCII";
            case "utf_16", "utf16" -> "UTF-16";
            case "utf_16_le", "utf_16le" -> "UTF-16LE";
            case "utf_16_be", "utf_16be" -> "UTF-16BE";
            case "utf_32", "utf32" -> "UTF-32";
            default -> name;
        };
        try {
            return Charset.forName(javaName);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw Errors.value("unknown encoding: " + name);
        }
    }

    private static String decode(byte[] data, Charset cs, String p) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw Errors.value("cannot decode " + Convert.repr(p) + " as " + cs.name().toLowerCase() + ": invalid data");
        }
    }

    /** Universal newlines: \r\n and lone \r become \n. */
    private static String newlines(String s) {
        if (s.indexOf('\r') < 0) return s;
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    /** Runs a file operation, turning Java's exceptions into IOErrors that name the path. */
    private static <T> T io(String p, IoAction<T> action) {
        try {
            return action.run();
        } catch (SkeinError e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw Errors.io("no such file: " + Convert.repr(p));
        } catch (FileAlreadyExistsException e) {
            throw Errors.io("already exists: " + Convert.repr(e.getFile() == null ? p : e.getFile()));
        } catch (DirectoryNotEmptyException e) {
            throw Errors.io("directory not empty: " + Convert.repr(p));
        } catch (NotDirectoryException e) {
            throw Errors.io("not a directory: " + Convert.repr(p));
        } catch (AccessDeniedException e) {
            throw Errors.io("permission denied: " + Convert.repr(p));
        } catch (IOException e) {
            if (Files.isDirectory(Path.of(p), LinkOption.NOFOLLOW_LINKS)) throw Errors.io("is a directory: " + Convert.repr(p));
            throw Errors.io(reason(e) + ": " + Convert.repr(p));
        } catch (SecurityException | UnsupportedOperationException e) {
            throw Errors.io("not permitted: " + Convert.repr(p));
        } catch (OutOfMemoryError e) {
            throw Errors.io("file too large to read: " + Convert.repr(p));
        }
    }

    private static String reason(IOException e) {
        String r = e.getMessage();
        if (r == null || r.isBlank()) return e.getClass().getSimpleName();
        int colon = r.lastIndexOf(": ");
        return (colon >= 0 ? r.substring(colon + 2) : r).toLowerCase();
    }
}

package dev.skein.stdlib.modules;

import dev.skein.runtime.Bytes;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.SkeinList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FsModuleTest extends ModuleTestSupport {
    @TempDir Path dir;

    private Object fs(String f, Object... args) { return call("fs", f, args); }

    private String p(String name) { return dir.resolve(name).toString(); }

    @Test void textRoundTripAndAppend() {
        assertEquals(6L, fs("write_text", p("a.txt"), "h\u00e9llo\n"));
        assertEquals(3L, fs("append_text", p("a.txt"), "x\r\n"));
        assertEquals("h\u00e9llo\nx\n", fs("read_text", p("a.txt")));
        assertEquals(true, fs("exists", p("a.txt")));
        assertEquals(true, fs("is_file", p("a.txt")));
        assertEquals(false, fs("is_dir", p("a.txt")));
        assertEquals(10L, fs("size", p("a.txt")));
        fs("write_text", p("latin.txt"), "\u00e9", "latin-1");
        assertEquals(1L, fs("size", p("latin.txt")));
        assertEquals("\u00e9", fs("read_text", p("latin.txt"), "latin-1"));
        assertSkeinError(ErrorKind.VALUE, "cannot decode", () -> fs("read_text", p("latin.txt")));
        assertSkeinError(ErrorKind.VALUE, "unknown encoding: nope", () -> fs("read_text", p("a.txt"), "nope"));
    }

    @Test void bytesRoundTrip() {
        Bytes data = Bytes.wrap(new byte[]{0, (byte) 255, 10, 13});
        assertEquals(4L, fs("write_bytes", p("b.bin"), data));
        assertEquals(data, fs("read_bytes", p("b.bin")));
        assertSkeinError(ErrorKind.TYPE, () -> fs("write_bytes", p("b.bin"), "text"));
    }

    @Test void directories() throws Exception {
        fs("mkdir", p("x/y/z"));
        assertEquals(true, fs("is_dir", p("x/y/z")));
        fs("mkdir", p("x/y/z"));   // exist_ok defaults to true
        assertSkeinError(ErrorKind.IO, "already exists", () -> callKw("fs", "mkdir", new Object[]{p("x")}, "exist_ok", false));
        assertSkeinError(ErrorKind.IO, "no such file", () -> callKw("fs", "mkdir", new Object[]{p("q/r")}, "parents", false));
        fs("write_text", p("x/b.txt"), "");
        fs("write_text", p("x/a.txt"), "");
        assertEquals(SkeinList.of("a.txt", "b.txt", "y"), fs("list", p("x")));
        assertSkeinError(ErrorKind.IO, "directory not empty", () -> fs("remove", p("x/y")));
        fs("remove", p("x/y/z"));
        fs("remove", p("x/a.txt"));
        assertEquals(SkeinList.of("b.txt", "y"), fs("list", p("x")));
        assertEquals(false, fs("exists", p("x/a.txt")));
        assertEquals(Path.of("").toAbsolutePath().toString(), fs("cwd"));
        Files.createDirectories(dir.resolve("dir-as-file"));
        assertSkeinError(ErrorKind.IO, "is a directory", () -> fs("read_text", p("dir-as-file")));
    }

    @Test void missingFilesNameThePath() {
        assertSkeinError(ErrorKind.IO, "no such file: '" + p("nope.txt") + "'", () -> fs("read_text", p("nope.txt")));
        assertSkeinError(ErrorKind.IO, "no such file", () -> fs("remove", p("nope.txt")));
        assertSkeinError(ErrorKind.IO, "no such file", () -> fs("size", p("nope.txt")));
        assertSkeinError(ErrorKind.IO, "no such file", () -> fs("list", p("nope")));
        assertSkeinError(ErrorKind.TYPE, "path must be str, not int", () -> fs("read_text", 3L));
    }

    @Test void pathText() {
        assertEquals("a/b/c", fs("join", "a", "b", "c"));
        assertEquals("/etc/x", fs("join", "a", "/etc", "x"));
        assertEquals("a/", fs("join", "a", ""));
        assertEquals("a/b", fs("join", "a/", "b"));
        assertEquals("b.txt", fs("basename", "a/b.txt"));
        assertEquals("", fs("basename", "a/"));
        assertEquals("a", fs("dirname", "a/b.txt"));
        assertEquals("/", fs("dirname", "/a"));
        assertEquals("", fs("dirname", "a"));
        assertEquals("//", fs("dirname", "//a"));
        assertEquals("/a", fs("dirname", "/a//b"));
        assertEquals(Path.of("").toAbsolutePath().resolve("x").toString(), fs("abspath", "y/../x"));
    }
}

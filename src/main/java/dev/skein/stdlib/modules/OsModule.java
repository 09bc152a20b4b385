package dev.skein.stdlib.modules;

import dev.skein.runtime.ExitRequest;

import dev.skein.runtime.Arith;
import dev.skein.runtime.Capability;
import dev.skein.runtime.Convert;
import dev.skein.runtime.Errors;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.NativeModule;
import dev.skein.runtime.SkeinDict;
import dev.skein.runtime.SkeinList;
import dev.skein.runtime.Values;

import java.io.File;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code import os}: the script's arguments and environment, process facts and {@code exit}.
 * {@code os.env} (a snapshot) and {@code os.getenv} both need ENVIRONMENT: without it, reading
 * either raises PermissionError naming the capability. {@code os.exit} needs EXIT and throws
 * {@link ExitRequest} for the host to act on.
 */
public final class OsModule {
    private OsModule() {}

    public static NativeModule create(Interpreter interp) {
        NativeModule m = new NativeModule("os");
        m.constant("args", SkeinList.copyOf(interp.args()));
        if (interp.isGranted(Capability.ENVIRONMENT)) {
            SkeinDict env = new SkeinDict();
            new TreeMap<>(interp.env()).forEach(env::put);
            m.constant("env", env);
        } else {
            m.denied("env", Capability.ENVIRONMENT);   // the same PermissionError as getenv, not a silent {}
        }
        m.constant("platform", platform());
        m.constant("sep", File.separator);
        m.constant("linesep", System.lineSeparator());
        m.def("getenv", "name, default=?", (ts, a) -> {
            ts.interp().require(Capability.ENVIRONMENT);
            String name = Args.str(a[0], "name");
            Map<String, String> vars = ts.interp().env();
            return vars.containsKey(name) ? vars.get(name) : Args.or(a[1], null);
        });
        m.def("cpu_count", "", (ts, a) -> (long) Runtime.getRuntime().availableProcessors());
        m.def("getpid", "", (ts, a) -> ProcessHandle.current().pid());
        m.def("exit", "code=?", (ts, a) -> {
            ts.interp().require(Capability.EXIT);
            Object code = Args.or(a[0], 0L);
            if (code instanceof String msg) {   // like sys.exit("message"): print it, exit status 1
                ts.interp().stderr().write(msg + "\n");
                ts.interp().stderr().flush();
                throw new ExitRequest(1);
            }
            if (!Arith.isInt(code)) throw Errors.type("exit code must be an int or a str, not " + Values.typeName(code));
            throw new ExitRequest((int) Convert.toLong(code, "exit code"));
        });
        return m;
    }

    /** Python's sys.platform spelling. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) return "linux";
        if (os.startsWith("mac") || os.startsWith("darwin")) return "darwin";
        if (os.startsWith("windows")) return "win32";
        if (os.contains("bsd")) return os.replace(" ", "");
        return os.isEmpty() ? "unknown" : os.replace(" ", "");
    }
}

package dev.skein.interp;

import dev.skein.runtime.Errors;
import dev.skein.runtime.Missing;
import dev.skein.runtime.ModuleValue;
import dev.skein.runtime.RecordType;
import dev.skein.runtime.ScopedResource;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;
import dev.skein.runtime.Values;

/** Statements that define things: records, imports, and {@code with} scopes. */
final class Definitions {
    private Definitions() {}

    static final class RecordDef extends StmtNode {
        final Store target;
        final String name;
        final String[] fields;
        final ExprNode[] defaults;   // null entries: no default

        RecordDef(int line, int col, Store target, String name, String[] fields, ExprNode[] defaults) {
            super(line, col);
            this.target = target;
            this.name = name;
            this.fields = fields;
            this.defaults = defaults;
        }

        @Override public int exec(Frame f) {
            Object[] ds = new Object[fields.length];
            for (int i = 0; i < ds.length; i++) ds[i] = defaults[i] == null ? Missing.MISSING : defaults[i].eval(f);
            target.store(f, define(f.ts, name, fields, ds, f.code.file + ":" + line));
            return NORMAL;
        }

        /** The record type a definition makes (one per place and name, so records keep their type across processes). */
        static Object define(ThreadState ts, String name, String[] fields, Object[] defaults, String definedAt) {
            return Runner.of(ts.interp()).recordType(name, fields, defaults, definedAt);
        }
    }

    /** {@code import math} or {@code import "lib/x.skein" as x}. */
    static final class Import extends StmtNode {
        final Store target;
        final String module;
        final boolean isPath;
        final ModuleLoader loader;

        Import(int line, int col, Store target, String module, boolean isPath, ModuleLoader loader) {
            super(line, col);
            this.target = target;
            this.module = module;
            this.isPath = isPath;
            this.loader = loader;
        }

        @Override public int exec(Frame f) {
            ModuleValue m;
            try {
                m = load(loader, f, module, isPath);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
            target.store(f, m);
            return NORMAL;
        }

        /** Loads the module an import names, for the code running in {@code from}. */
        static ModuleValue load(ModuleLoader loader, Frame from, String module, boolean isPath) {
            return isPath ? loader.loadScript(from, module) : loader.loadStd(from, module);
        }
    }

    /** {@code with resource as name { … }}: enter, run the body, always exit. */
    static final class With extends StmtNode {
        final ExprNode resource;
        final Store target;   // null without `as`
        final StmtNode body;

        With(int line, int col, ExprNode resource, Store target, StmtNode body) {
            super(line, col);
            this.resource = resource;
            this.target = target;
            this.body = body;
        }

        @Override public int exec(Frame f) {
            Object r = resource.eval(f);
            ScopedResource res;
            Object entered;
            try {
                res = scoped(r);
                entered = res.enter(f.ts);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
            if (target != null) target.store(f, entered);
            int result;
            try {
                result = body.exec(f);
            } catch (SkeinError e) {
                throw exitAfter(f.ts, res, e);
            }
            try {
                res.exit(f.ts, null);
            } catch (SkeinError e) {
                throw locate(e, f);
            }
            return result;
        }

        /** What {@code with} accepts: a scoped resource, else a TypeError (not located). */
        static ScopedResource scoped(Object r) {
            if (r instanceof ScopedResource res) return res;
            throw Errors.type("'" + Values.typeName(r) + "' cannot be used with 'with' (pools and locks can)");
        }

        /** The body raised {@code e}: the resource exits with it (an error there is suppressed into e); e goes on. */
        static SkeinError exitAfter(ThreadState ts, ScopedResource res, SkeinError e) {
            try {
                res.exit(ts, e);
            } catch (SkeinError suppressed) {
                e.addSuppressed(suppressed);
            }
            return e;
        }
    }
}

package dev.skein.embed.jsr223;

import dev.skein.embed.SkeinEngine;
import dev.skein.embed.SkeinException;
import dev.skein.embed.SkeinFunction;
import dev.skein.embed.SkeinScript;
import dev.skein.embed.SkeinSession;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;

/**
 * Skein as a JSR-223 engine, a thin adapter over {@link SkeinEngine}: each ENGINE_SCOPE
 * bindings object is one {@link SkeinSession}, so its entries are the script's globals (what a
 * script defines, later evals and {@link #invokeFunction} see). GLOBAL_SCOPE entries are visible
 * as globals the session has not set. The context's writers receive {@code print}, and
 * {@code ScriptEngine.FILENAME} names the source in errors. Bindings that are not
 * {@link SkeinBindings} (a {@code SimpleBindings}) work too: their entries are copied in before
 * each evaluation and the globals copied back after it.
 *
 * <p>Pools a script opens live until its session is closed: {@link #close()} closes the
 * sessions this engine made.
 */
public final class SkeinScriptEngine extends AbstractScriptEngine implements Compilable, Invocable, AutoCloseable {
    /** Where a foreign (non-Skein) bindings object keeps its session. */
    static final String SESSION_KEY = "skein.session";

    private final SkeinScriptEngineFactory factory;
    private final SkeinEngine engine;
    private final boolean ownsEngine;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<SkeinSession> sessions = Collections.newSetFromMap(new WeakHashMap<>());

    SkeinScriptEngine(SkeinScriptEngineFactory factory, SkeinEngine engine, boolean ownsEngine) {
        this.factory = factory;
        this.engine = engine;
        this.ownsEngine = ownsEngine;
        context.setBindings(createBindings(), ScriptContext.ENGINE_SCOPE);
    }

    /** The native engine underneath (its grants, limits and host functions). */
    public SkeinEngine skeinEngine() { return engine; }

    @Override public ScriptEngineFactory getFactory() { return factory; }

    @Override public Bindings createBindings() { return new SkeinBindings(track(engine.newSession())); }

    private SkeinSession track(SkeinSession s) {
        lock.lock();
        try {
            sessions.add(s);
        } finally {
            lock.unlock();
        }
        return s;
    }

    // ------------------------------------------------------------------ eval and compile

    @Override public Object eval(String script, ScriptContext ctx) throws ScriptException {
        String name = fileName(ctx);
        return inContext(ctx, session -> session.eval(name, script));
    }

    @Override public Object eval(Reader reader, ScriptContext ctx) throws ScriptException {
        return eval(read(reader), ctx);
    }

    @Override public CompiledScript compile(String script) throws ScriptException {
        try {
            return new SkeinCompiledScript(this, engine.compile(fileName(context), script));
        } catch (SkeinException e) {
            throw scriptException(e);
        }
    }

    @Override public CompiledScript compile(Reader reader) throws ScriptException { return compile(read(reader)); }

    Object evalCompiled(SkeinScript script, ScriptContext ctx) throws ScriptException {
        return inContext(ctx, session -> session.run(script));
    }

    private static String fileName(ScriptContext ctx) {
        return ctx.getAttribute(ScriptEngine.FILENAME) instanceof String s ? s : "<eval>";
    }

    private static String read(Reader reader) throws ScriptException {
        try {
            StringWriter w = new StringWriter();
            reader.transferTo(w);
            return w.toString();
        } catch (IOException e) {
            throw new ScriptException(e);
        }
    }

    /**
     * Runs {@code action} in the session of the context's ENGINE_SCOPE bindings, with the
     * context's writers and GLOBAL_SCOPE entries; Skein errors become ScriptExceptions.
     */
    private Object inContext(ScriptContext ctx, Function<SkeinSession, Object> action) throws ScriptException {
        Bindings bindings = ctx.getBindings(ScriptContext.ENGINE_SCOPE);
        SkeinSession session = sessionFor(bindings);
        Map<String, Object> copiedIn = bindings instanceof SkeinBindings ? null : copyIn(bindings, session);
        Bindings global = ctx.getBindings(ScriptContext.GLOBAL_SCOPE);
        if (global != null) {
            for (Map.Entry<String, Object> e : global.entrySet()) {
                if (SkeinSession.isGlobalName(e.getKey()) && !session.contains(e.getKey())) {
                    session.bind(e.getKey(), e.getValue());
                }
            }
        }
        Writer out = ctx.getWriter();
        Writer err = ctx.getErrorWriter();
        if (out != null && err != null) session.redirect(out, err);
        try {
            return action.apply(session);
        } catch (SkeinException e) {
            throw scriptException(e);
        } finally {
            if (copiedIn != null) copyOut(session, bindings, copiedIn);
        }
    }

    private SkeinSession sessionFor(Bindings bindings) {
        if (bindings instanceof SkeinBindings sb) return sb.session();
        if (bindings.get(SESSION_KEY) instanceof SkeinSession s && !s.isClosed() && s.engine() == engine) return s;
        SkeinSession s = track(engine.newSession());
        bindings.put(SESSION_KEY, s);
        return s;
    }

    /**
     * Copies a plain bindings object's entries into its session; returns each as it reads back
     * from Skein (Integer → Long, arrays → lists…), to tell later which ones the script changed.
     */
    private static Map<String, Object> copyIn(Bindings bindings, SkeinSession session) {
        Map<String, Object> normalized = new HashMap<>();
        for (Map.Entry<String, Object> e : bindings.entrySet()) {
            if (SkeinSession.isGlobalName(e.getKey())) {
                session.bind(e.getKey(), e.getValue());
                normalized.put(e.getKey(), session.get(e.getKey()));
            }
        }
        return normalized;
    }

    /** Writes back the globals the script defined or changed. */
    private static void copyOut(SkeinSession session, Bindings bindings, Map<String, Object> copiedIn) {
        for (Map.Entry<String, Object> e : session.globals().entrySet()) {
            boolean untouched = copiedIn.containsKey(e.getKey()) && Objects.equals(copiedIn.get(e.getKey()), e.getValue());
            if (!untouched) bindings.put(e.getKey(), e.getValue());
        }
    }

    static ScriptException scriptException(SkeinException e) {
        ScriptException se = e.file() == null
                ? new ScriptException(e.getMessage())
                : new ScriptException(e.detail().isEmpty() ? e.kind() : e.kind() + ": " + e.detail(), e.file(), e.line(), e.column());
        se.initCause(e);
        return se;
    }

    // ------------------------------------------------------------------ Invocable

    private SkeinSession defaultSession() { return sessionFor(context.getBindings(ScriptContext.ENGINE_SCOPE)); }

    @Override public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
        SkeinFunction f = functionNamed(defaultSession(), name);
        try {
            return f.call(args);
        } catch (SkeinException e) {
            throw scriptException(e);
        }
    }

    private static SkeinFunction functionNamed(SkeinSession session, String name) throws NoSuchMethodException {
        try {
            return session.function(name);
        } catch (NoSuchElementException | IllegalArgumentException e) {
            throw new NoSuchMethodException(e.getMessage());
        }
    }

    @Override public Object invokeMethod(Object thiz, String name, Object... args) throws ScriptException, NoSuchMethodException {
        if (thiz == null) throw new IllegalArgumentException("invokeMethod needs an object");
        try {
            return defaultSession().callMethod(thiz, name, args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invokeMethod: " + e.getMessage(), e);
        } catch (SkeinException e) {
            if (e.kind().equals("AttributeError") && e.trace().isEmpty()) throw new NoSuchMethodException(e.detail());
            throw scriptException(e);
        }
    }

    /** An implementation of {@code type} whose methods call the global functions of the same names; null if one is missing. */
    @Override public <T> T getInterface(Class<T> type) {
        SkeinSession session = defaultSession();
        for (Method m : type.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m) && !(session.contains(m.getName()) && session.get(m.getName()) instanceof SkeinFunction)) {
                return null;
            }
        }
        return proxy(type, (m, args) -> invokeFunction(m.getName(), args));
    }

    /** Interfaces like Comparator redeclare equals: Object implements it, the script need not. */
    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** An implementation of {@code type} whose methods call the methods of the same names of {@code thiz}. */
    @Override public <T> T getInterface(Object thiz, Class<T> type) {
        if (thiz == null) throw new IllegalArgumentException("getInterface needs an object");
        return proxy(type, (m, args) -> invokeMethod(thiz, m.getName(), args));
    }

    private interface Invoker {
        Object invoke(Method m, Object[] args) throws Exception;
    }

    private <T> T proxy(Class<T> type, Invoker invoker) {
        if (!type.isInterface()) throw new IllegalArgumentException(type.getName() + " is not an interface");
        Object p = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "<skein implementation of " + type.getName() + ">";
                };
            }
            Object result = invoker.invoke(m, args == null ? new Object[0] : args);
            return ReturnValues.coerce(result, m.getReturnType());
        });
        return type.cast(p);
    }

    // ------------------------------------------------------------------ closing

    /** Closes the sessions this engine made (and the native engine when the default factory made it). */
    @Override public void close() {
        List<SkeinSession> toClose;
        lock.lock();
        try {
            toClose = List.copyOf(sessions);
            sessions.clear();
        } finally {
            lock.unlock();
        }
        for (SkeinSession s : toClose) s.close();
        if (ownsEngine) engine.close();
    }
}

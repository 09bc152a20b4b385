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
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;
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
 * script defines, later evals and {@link #invokeFunction} see). Scopes follow javax.script
 * ({@link SessionScopes}): ENGINE_SCOPE shadows GLOBAL_SCOPE, both read at each entry, and a
 * script's assignments go to ENGINE_SCOPE. The context's writers receive {@code print}, and
 * {@code ScriptEngine.FILENAME} names the source in errors. Bindings that are not
 * {@link SkeinBindings} (a {@code SimpleBindings}, a read-only map) work too: their entries are
 * copied in before each evaluation and what the script changed is written back after it; their
 * session is kept by the engine, never as an entry of theirs.
 *
 * <p>Pools a script opens live until its session is closed: {@link #close()} closes the
 * sessions this engine made.
 */
public final class SkeinScriptEngine extends AbstractScriptEngine implements Compilable, Invocable, AutoCloseable {
    private final SkeinScriptEngineFactory factory;
    private final SkeinEngine engine;
    private final boolean ownsEngine;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<SkeinSession> sessions = Collections.newSetFromMap(new WeakHashMap<>());
    private final SessionsByBindings byBindings = new SessionsByBindings();
    private final SessionScopes scopes = new SessionScopes();

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

    /** Something run in a session; may say a function is missing (Invocable). */
    private interface InSession<X extends Exception> {
        Object run(SkeinSession session) throws X;
    }

    /**
     * Runs {@code action} in the session of the context's ENGINE_SCOPE bindings, with the
     * context's writers, under javax.script's scope rules ({@link SessionScopes}); Skein errors
     * become ScriptExceptions.
     */
    private <X extends Exception> Object inContext(ScriptContext ctx, InSession<X> action) throws ScriptException, X {
        Bindings bindings = ctx.getBindings(ScriptContext.ENGINE_SCOPE);
        SkeinSession session = sessionFor(bindings);
        SessionScopes.Entry entry = scopes.enter(session, bindings instanceof SkeinBindings ? null : bindings,
                ctx.getBindings(ScriptContext.GLOBAL_SCOPE));
        try {
            Writer out = ctx.getWriter();
            Writer err = ctx.getErrorWriter();
            if (out != null && err != null) session.redirect(out, err);
            return action.run(session);
        } catch (SkeinException e) {
            throw scriptException(e);
        } finally {
            scopes.exit(entry);
        }
    }

    private SkeinSession sessionFor(Bindings bindings) {
        if (bindings instanceof SkeinBindings sb) return sb.session();
        return byBindings.sessionFor(bindings, () -> track(engine.newSession()));
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

    /** Calls the global function {@code name} under the engine's context: its scopes, as an eval sees them. */
    @Override public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
        return inContext(context, session -> functionNamed(session, name).call(args));
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

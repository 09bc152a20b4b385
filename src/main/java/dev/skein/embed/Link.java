package dev.skein.embed;

import dev.skein.runtime.Callable;
import dev.skein.runtime.ErrorKind;
import dev.skein.runtime.Errors;
import dev.skein.runtime.ExitRequest;
import dev.skein.runtime.Interpreter;
import dev.skein.runtime.SkeinError;
import dev.skein.runtime.ThreadState;

/**
 * Where a handle ({@link SkeinFunction}, {@link SkeinRecord}, {@link SkeinObject}) calls back
 * into Skein: the interpreter it belongs to, the session (null in a process-pool worker) and the
 * host call during which it was made. A call on the thread of a host call still in progress
 * runs in that call's thread state (so recursion depth, cancellation and the step budget carry
 * on); any other call is a fresh entry into the session, with its limits.
 */
final class Link {
    final Interpreter interp;
    final SkeinSession session;
    private final Origin origin;

    /** A call from Skein into Java that is in progress on one thread (a host function's or a host object method's). */
    interface Origin {
        boolean isActiveOnThisThread();

        ThreadState threadState();
    }

    Link(Interpreter interp, SkeinSession session, Origin origin) {
        this.interp = interp;
        this.session = session;
        this.origin = origin;
    }

    static Link of(SkeinSession session) { return new Link(session.interpreter(), session, null); }

    /** Calls a Skein callable with Skein arguments; the result is a Skein value. Errors arrive as SkeinException. */
    Object call(Callable callee, Object[] args, String[] kwNames) {
        if (origin != null && origin.isActiveOnThisThread()) {
            try {
                return callee.call(origin.threadState(), args, kwNames);
            } catch (SkeinError e) {
                SkeinException ex = SkeinSession.exceptionFor(session, e.value());
                throw e.isLimit() ? SkeinLimitException.of(ex) : ex;   // back in Skein, it stays uncatchable
            }
        }
        if (session != null) return session.enter(ts -> callee.call(ts, args, kwNames));
        ThreadState ts = new ThreadState(interp);
        try {
            return callee.call(ts, args, kwNames);
        } catch (SkeinError e) {
            throw SkeinSession.exceptionFor(null, e.value());
        } catch (StackOverflowError deep) {
            throw SkeinSession.exceptionFor(null, Errors.of(ErrorKind.RECURSION, "maximum recursion depth exceeded").value());
        } catch (ExitRequest exit) {
            throw SkeinException.exit(exit.code());
        }
    }

    Object toJava(Object skeinValue) { return ValueConverter.toJava(skeinValue, this); }
}

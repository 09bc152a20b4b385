package dev.skein.embed;

import dev.skein.runtime.Errors;
import dev.skein.runtime.Values;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The overloads of one method name of one class, and the choice between them for a call:
 * candidates of the call's arity whose parameters all accept the arguments
 * ({@link HostArguments#cost}); the cheapest wins, a tie or no candidate is a TypeError naming
 * the candidates. The last choice is remembered with the Java classes of the arguments that led
 * to it, so a loop calling the same method with the same kinds of arguments chooses once
 * (values still checked: an int that stops fitting an {@code int} parameter is chosen anew).
 */
final class HostMethodGroup {
    /** One overload: its parameter types and a handle taking (receiver, Object[] arguments). */
    static final class Candidate {
        final Class<?>[] params;
        final String shown;
        final MethodHandle invoker;
        final boolean returnsVoid;

        Candidate(Member member, MethodHandle handle) {
            this.params = member instanceof Method m ? m.getParameterTypes() : new Class<?>[] {((Field) member).getType()};
            this.returnsVoid = handle.type().returnType() == void.class;
            this.shown = member.getName() + "(" + Arrays.stream(params).map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
            this.invoker = handle.asType(MethodType.genericMethodType(params.length + 1)).asSpreader(Object[].class, params.length);
        }
    }

    /** A remembered choice: the classes of the arguments it was made for, and the candidate. */
    private record Choice(Class<?>[] kinds, Candidate candidate) {}

    final String owner;
    final String name;
    private final Candidate[] candidates;
    private volatile Choice last;

    HostMethodGroup(String owner, String name, List<Candidate> candidates) {
        this.owner = owner;
        this.name = name;
        this.candidates = candidates.toArray(new Candidate[0]);
    }

    boolean hasArity(int n) {
        for (Candidate c : candidates) if (c.params.length == n) return true;
        return false;
    }

    /** The handle of the no-argument, value-returning overload (a bean getter), or null. */
    MethodHandle getter() {
        for (Candidate c : candidates) if (c.params.length == 0 && !c.returnsVoid) return c.invoker;
        return null;
    }

    /** The overload for these Skein arguments. */
    Candidate choose(Object[] args) {
        Choice c = last;
        if (c != null && sameKinds(c.kinds, args) && HostArguments.fitAll(c.candidate.params, args)) return c.candidate;
        Candidate best = null;
        int bestCost = Integer.MAX_VALUE;
        List<Candidate> tied = new ArrayList<>();
        for (Candidate k : candidates) {
            if (k.params.length != args.length) continue;
            int cost = HostArguments.costAll(k.params, args);
            if (cost < 0) continue;
            if (cost < bestCost) {
                best = k;
                bestCost = cost;
                tied.clear();
            } else if (cost == bestCost) {
                tied.add(k);
            }
        }
        if (best == null) {
            throw Errors.type("no overload of " + owner + "." + name + " accepts (" + kinds(args) + "); candidates: " + shownAll(Arrays.asList(candidates)));
        }
        if (!tied.isEmpty()) {
            tied.add(0, best);
            throw Errors.type("the call " + owner + "." + name + "(" + kinds(args) + ") is ambiguous between " + shownAll(tied));
        }
        last = new Choice(kindsOf(args), best);
        return best;
    }

    private static boolean sameKinds(Class<?>[] kinds, Object[] args) {
        if (kinds.length != args.length) return false;
        for (int i = 0; i < args.length; i++) if (kinds[i] != (args[i] == null ? null : args[i].getClass())) return false;
        return true;
    }

    private static Class<?>[] kindsOf(Object[] args) {
        Class<?>[] k = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) k[i] = args[i] == null ? null : args[i].getClass();
        return k;
    }

    private static String kinds(Object[] args) {
        return Arrays.stream(args).map(Values::typeName).collect(Collectors.joining(", "));
    }

    private static String shownAll(List<Candidate> cs) {
        return cs.stream().map(c -> c.shown).collect(Collectors.joining(", "));
    }
}

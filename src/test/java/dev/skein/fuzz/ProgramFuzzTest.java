package dev.skein.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * The bounded fuzz run of every build: programs of each kind (see {@link ProgramGenerator}) from
 * fixed seeds, each run in an embedded engine with a time limit on a 1 MB thread. Property: no
 * Java exception reaches the host, every error has a position, no run outlives its limit.
 * bench/fuzz_programs.sh runs the long one (100,000 programs).
 */
class ProgramFuzzTest {
    @Property(tries = 250, seed = "1401", shrinking = ShrinkingMode.OFF)
    void grammarPrograms(@ForAll("seeds") long seed) { check(ProgramGenerator.Kind.GRAMMAR, seed); }

    @Property(tries = 80, seed = "1402", shrinking = ShrinkingMode.OFF)
    void deepNesting(@ForAll("seeds") long seed) { check(ProgramGenerator.Kind.DEEP, seed); }

    @Property(tries = 80, seed = "1403", shrinking = ShrinkingMode.OFF)
    void longChains(@ForAll("seeds") long seed) { check(ProgramGenerator.Kind.CHAIN, seed); }

    @Property(tries = 250, seed = "1404", shrinking = ShrinkingMode.OFF)
    void randomTokens(@ForAll("seeds") long seed) { check(ProgramGenerator.Kind.TOKENS, seed); }

    @Property(tries = 250, seed = "1405", shrinking = ShrinkingMode.OFF)
    void mutatedGoldenScripts(@ForAll("seeds") long seed) { check(ProgramGenerator.Kind.MUTATION, seed); }

    @Provide Arbitrary<Long> seeds() { return Arbitraries.longs(); }

    private static void check(ProgramGenerator.Kind kind, long seed) {
        String program = new ProgramGenerator(seed).program(kind);
        String problem = ProgramFuzz.problem(program);
        assertNull(problem, () -> kind + " program from seed " + seed + ":\n"
                + program.substring(0, Math.min(3000, program.length())) + "\n--- went wrong: " + problem);
    }
}

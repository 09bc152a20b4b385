package dev.skein.interp;

/**
 * The way into the bytecode of one compiled module: {@link Function#run} hands it the frame the
 * caller filled (arguments bound, defaults evaluated), and the generated class unpacks the slots
 * into a call of the function's static method. One instance per generated class; {@code index}
 * picks the function ({@link Code#compiledIndex}).
 */
interface CompiledEntry {
    Object run(int index, Frame frame);

    /** Runs the unit's compiled top level in {@code frame} (see {@link BytecodeCompiler.Main}); returns its result. */
    Object runMain(Frame frame);
}

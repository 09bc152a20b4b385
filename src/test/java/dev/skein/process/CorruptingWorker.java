package dev.skein.process;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.Arrays;

/**
 * A real worker process whose input is damaged on the way in: it runs the worker loop
 * ({@link WorkerMain#serve}) behind a filter that mutates every TASK frame with an even task id
 * ({@link FrameMutator}, seeded by its first argument); frames with odd ids pass unchanged. The
 * rest of its arguments are a worker's, and the loop runs as a worker's main runs it.
 */
public final class CorruptingWorker {
    private CorruptingWorker() {}

    public static void main(String[] args) throws IOException {
        FrameMutator mutator = new FrameMutator(Long.parseLong(args[0]) ^ ProcessHandle.current().pid());
        String[] config = Arrays.copyOfRange(args, 1, args.length);
        PipedOutputStream toServe = new PipedOutputStream();
        PipedInputStream serveIn = new PipedInputStream(toServe, 1 << 16);
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        Thread filter = new Thread(() -> {
            DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
            DataOutputStream forward = new DataOutputStream(toServe);
            try {
                for (Wire.Frame f; (f = Wire.read(in)) != null; ) {
                    boolean even = f.type() == Wire.TASK && f.payload().length >= 4 && (new Codec.In(f.payload()).readInt() & 1) == 0;
                    Wire.Frame sent = even ? mutator.mutate(f) : f;
                    Wire.write(forward, sent.type(), sent.payload());
                }
                toServe.close();
            } catch (IOException parentGone) {
                Runtime.getRuntime().halt(0);
            }
        }, "corrupting-filter");
        filter.setDaemon(true);
        filter.start();
        WorkerMain.runAndExit(serveIn, out, config);   // as a worker's main runs it
    }
}

package dev.skein.cli;

import dev.skein.cluster.ClusterKey;
import dev.skein.cluster.ClusterMember;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skein worker --cluster NAME --listen HOST:PORT …}: a cluster member that runs the tasks
 * of {@code cluster(NAME, join=[…])} pools until Ctrl-C or SIGTERM, then leaves the cluster.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs a member of a Skein cluster: it runs the tasks of scripts' cluster(NAME, join=[...]) pools",
                "until Ctrl-C or SIGTERM. It binds only to --listen; no multicast, no phone-home.",
                "Tasks must be signed with the cluster key: SKEIN_CLUSTER_KEY or --key-file (at least 16 characters)."})
final class WorkerCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--cluster", required = true, paramLabel = "NAME", description = "The cluster's name (not a secret).")
    String cluster;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "The one address to bind (default ${DEFAULT-VALUE}).")
    String listen = "127.0.0.1:5701";

    @Option(names = "--join", paramLabel = "HOST:PORT,...", split = ",", description = "Members to join.")
    List<String> join = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Tasks it runs at once (default: its cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--key-file", paramLabel = "FILE", description = "The cluster key (else SKEIN_CLUSTER_KEY).")
    Path keyFile;

    WorkerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override public Integer call() {
        int colon = listen.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (RuntimeException e) {
            port = -1;
        }
        if (colon <= 0 || port < 1 || port > 65535) return usage("--listen needs HOST:PORT, got '" + listen + "'");
        if (threads < 1) return usage("--threads needs N >= 1");
        for (String j : join) if (!j.matches("[^\\s:]+:\\d{1,5}")) return usage("--join needs HOST:PORT addresses, got '" + j + "'");
        byte[] key;
        try {
            key = ClusterKey.from(System.getenv(ClusterKey.ENV), keyFile);
        } catch (IOException e) {
            return usage("cannot read the cluster key: " + e.getMessage());
        }
        if (key == null) return usage("needs the cluster key: set " + ClusterKey.ENV + " or pass --key-file FILE");
        ClusterMember member;
        try {
            member = ClusterMember.start(cluster, listen.substring(0, colon), port, join, threads, key, err::println);
        } catch (RuntimeException e) {
            err.println("skein worker: cannot start: " + e.getMessage());
            return ExitCodes.RUNTIME_ERROR;
        }
        CountDownLatch left = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            member.close();   // a graceful leave: the others learn at once, not after a heartbeat timeout
            left.countDown();
            err.flush();
            Runtime.getRuntime().halt(ExitCodes.OK);   // asked to stop, and it did: exit 0, not the signal's 143
        }, "skein-worker-leave"));
        out.println("skein worker: cluster " + cluster + " ready at " + member.address() + ", members: " + member.members());
        out.flush();
        try {
            left.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private int usage(String message) {
        err.println("skein worker: " + message);
        return ExitCodes.USAGE;
    }
}

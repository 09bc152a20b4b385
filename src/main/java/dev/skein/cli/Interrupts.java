package dev.skein.cli;

import sun.misc.Signal;

/**
 * Ctrl-C for the CLI: the first SIGINT runs the handler (cancel every task, stop the script) and
 * starts a watchdog that exits with 130 after a second if the script has not stopped by then.
 */
final class Interrupts {
    private Interrupts() {}

    static void onCtrlC(Runnable handler) {
        try {
            Signal.handle(new Signal("INT"), sig -> {
                handler.run();
                Thread watchdog = new Thread(() -> {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ignored) {
                        return;
                    }
                    System.err.flush();
                    System.exit(ExitCodes.INTERRUPTED);
                }, "skein-ctrl-c");
                watchdog.setDaemon(true);
                watchdog.start();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException noSignals) {
            // No SIGINT on this platform: the JVM's default handling applies.
        }
    }
}

package dev.skein.process;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A worker told to provide an extension it cannot load stops before it says READY, naming it. */
class WorkerRequiredExtensionsTest {
    @Test void aWorkerWithoutARequiredExtensionIsNeverReady() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IOException e = assertThrows(IOException.class, () -> WorkerMain.serve(new ByteArrayInputStream(new byte[0]), out,
                "20000", "", "", "extensions=pricing,nowhere", "compile", "no-constants"));
        assertTrue(e.getMessage().startsWith("extension 'nowhere' cannot be loaded in a worker process"), e.getMessage());
        assertTrue(out.size() == 0, "no READY frame");
    }

    @Test void aWorkerWithItsExtensionsStarts() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkerMain.serve(new ByteArrayInputStream(new byte[0]), out, "20000", "", "", "extensions=pricing", "compile", "no-constants");
        assertTrue(out.size() > 0, "READY was sent");
    }
}

package dev.skein;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The golden scripts written by src/test/golden-cases/gen.py are what their *.cases files
 * generate: a hand edit of a generated script (or of a case without running gen.py) fails here.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GoldenCasesAgreeTest {
    @Test void goldenScriptsAreWhatTheirCasesGenerate() throws InterruptedException {
        Python.runsClean("src/test/golden-cases/gen.py", "--check");
    }
}

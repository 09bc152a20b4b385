package dev.skein.runtime;

import dev.skein.Python;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The expected values in OpsTest, FormatSpecTest, PercentFormatTest, NumberParsingTest and
 * FloatReprTest are what src/test/pydata/regenerate.py computes with Python from each row's
 * inputs: a hand-edited expectation fails here (run the script without --check to refresh).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PyDataAgreeTest {
    @Test void expectedValuesAreWhatPythonComputes() throws InterruptedException {
        Python.runsClean("src/test/pydata/regenerate.py", "--check");
    }
}

package dev.ftprecon.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * {@code CaptureReaders.open} and the reader it returns, on arbitrary bytes. The seeds are small
 * pcap and pcapng files, so the fuzzer starts past the magic numbers; see {@link CaptureChecks} for
 * the contract checked.
 *
 * <p>Input layout: the capture file itself.
 */
class CaptureReadersFuzzTest {

  @FuzzTest(maxDuration = "4s")
  void arbitraryBytes(byte[] file) throws Exception {
    Watchdog.run(() -> check(file));
  }

  private void check(byte[] file) throws IOException {
    CaptureChecks.check(file, file.length == 0 ? 0 : file[file.length - 1] & 0xFF);
  }
}

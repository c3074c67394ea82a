package dev.ftprecon.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Reassembles a stream longer than 4 GiB end to end (sequence numbers wrapping twice) without
 * holding it in memory: the sink only counts and hashes, and the expected hash is computed straight
 * from the generator.
 */
class StreamAssemblerLargeStreamTest {

  private static final int SEGMENT = 1448;
  private static final long LENGTH = (4L << 30) + (1 << 20) + 123;
  private static final long SEGMENTS = (LENGTH + SEGMENT - 1) / SEGMENT;
  private static final long ISN = 0xFFFF_0000L; // data starts at ISN + 1; wraps after 64 KiB
  private static final long DROPPED_SEGMENT = SEGMENTS - 1000; // a hole beyond 4 GiB
  private static final long RETRANSMIT_EVERY = 4096;

  /** Pseudo-random content repeating with a period that is not a multiple of the segment size. */
  private static final byte[] PATTERN = new byte[(1 << 20) + 7];

  static {
    new SplittableRandom(42).nextBytes(PATTERN);
  }

  @Test
  void aStreamLongerThan4GibIsReassembledWithTheRightLengthAndHash() throws Exception {
    HashingOutputStream sink = new HashingOutputStream();
    SequenceUnwrapper unwrapper = new SequenceUnwrapper((ISN + 1) % (1L << 32));
    StreamAssembler assembler = new StreamAssembler(sink, 0, AssemblyLimits.DEFAULTS);
    byte[] payload = new byte[SEGMENT];

    for (long i = 0; i < SEGMENTS; i++) {
      if (i == DROPPED_SEGMENT) {
        continue;
      }
      long offset = i * SEGMENT;
      int len = (int) Math.min(SEGMENT, LENGTH - offset);
      long seq32 = (ISN + 1 + offset) % (1L << 32);
      fill(payload, offset, len);
      assembler.accept(unwrapper.unwrap(seq32), payload, 0, len);
      if (i % RETRANSMIT_EVERY == 0) {
        assembler.accept(unwrapper.unwrap(seq32), payload, 0, len);
      }
    }
    AssemblyResult result = assembler.finish(unwrapper.unwrap((ISN + 1 + LENGTH) % (1L << 32)));

    long droppedStart = DROPPED_SEGMENT * SEGMENT;
    long retransmissions = (SEGMENTS - 1) / RETRANSMIT_EVERY + 1;
    assertThat(sink.count).isEqualTo(LENGTH);
    assertThat(result.length()).isEqualTo(LENGTH);
    assertThat(result.gaps()).containsExactly(new ByteRange(droppedStart, droppedStart + SEGMENT));
    assertThat(result.missingBytes()).isEqualTo(SEGMENT);
    assertThat(result.dataBytes()).isEqualTo(LENGTH - SEGMENT);
    assertThat(result.duplicateBytes()).isEqualTo(retransmissions * SEGMENT);
    assertThat(result.conflictBytes()).isZero();
    assertThat(result.outOfOrderCalls()).isZero();
    assertThat(result.segments()).isEqualTo(SEGMENTS - 1 + retransmissions);
    assertThat(sink.hex()).isEqualTo(expectedSha256(droppedStart));
  }

  /** SHA-256 of the generator's stream with the dropped segment's bytes as zeros. */
  private static String expectedSha256(long droppedStart) throws NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] chunk = new byte[SEGMENT];
    for (long offset = 0; offset < LENGTH; offset += SEGMENT) {
      int len = (int) Math.min(SEGMENT, LENGTH - offset);
      if (offset == droppedStart) {
        digest.update(new byte[len]);
      } else {
        fill(chunk, offset, len);
        digest.update(chunk, 0, len);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Copies the stream bytes [offset, offset + len) into {@code buf}. */
  private static void fill(byte[] buf, long offset, int len) {
    int from = (int) (offset % PATTERN.length);
    int first = Math.min(len, PATTERN.length - from);
    System.arraycopy(PATTERN, from, buf, 0, first);
    System.arraycopy(PATTERN, 0, buf, first, len - first);
  }

  private static final class HashingOutputStream extends OutputStream {
    private final MessageDigest digest;
    private long count;

    HashingOutputStream() throws NoSuchAlgorithmException {
      digest = MessageDigest.getInstance("SHA-256");
    }

    @Override
    public void write(int b) {
      digest.update((byte) b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      digest.update(b, off, len);
      count += len;
    }

    String hex() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  @Test
  void theHashingSinkAgreesWithAKnownSha256() throws IOException, NoSuchAlgorithmException {
    HashingOutputStream sink = new HashingOutputStream();
    sink.write("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    // FIPS 180-2 appendix B.1 test vector.
    assertThat(sink.hex())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}

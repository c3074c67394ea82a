package dev.ftprecon.digest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelDigestOutputStreamTest {

  @AfterEach
  void noDigestThreadOutlivesItsStream() throws InterruptedException {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("ftprecon-digest-") || t.getName().equals("ftprecon-write")) {
        t.join(5_000);
        assertThat(t.isAlive()).as("thread %s still alive", t.getName()).isFalse();
      }
    }
  }

  @Test
  void shortMessagesMatchTheFipsAndRfc1321Vectors() throws IOException {
    // FIPS 180-2 appendix B.1 and B.2; RFC 1321 appendix A.5.
    assertThat(digestsOf("abc"))
        .containsExactly(
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "900150983cd24fb0d6963f7d28e17f72");
    assertThat(digestsOf("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq").get(0))
        .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    assertThat(digestsOf("").get(1)).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(digestsOf("message digest").get(1)).isEqualTo("f96b697d7cb7938d525a2f31aaf161d0");
    assertThat(digestsOf("1234567890".repeat(8)).get(1))
        .isEqualTo("57edf4a22be3c955ac49da2e2107b67a");
  }

  @Test
  void aMillionAsDigestedOnThreadsMatchTheFipsVector() throws IOException {
    // FIPS 180-2 appendix B.3; MD5 of the same message as md5sum prints it.
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    ParallelDigestOutputStream out = stream(sink, 1000, 3, "SHA-256", "MD5");
    byte[] chunk = new byte[7919];
    Arrays.fill(chunk, (byte) 'a');
    for (int left = 1_000_000; left > 0; left -= chunk.length) {
      out.write(chunk, 0, Math.min(left, chunk.length));
    }
    out.close();

    assertThat(out.threaded()).isTrue();
    assertThat(out.blocksAllocated()).isLessThanOrEqualTo(3);
    assertThat(hex(out.digest(0)))
        .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    assertThat(hex(out.digest(1))).isEqualTo("7707d6ae4e027c70eea2a935c2296f21");
    assertThat(sink.size()).isEqualTo(1_000_000);
  }

  @Test
  void randomDataOfAwkwardSizesMatchesMessageDigestAndReachesTheSinkIntact() throws Exception {
    int block = 4096;
    Random random = new Random(42);
    for (int size :
        new int[] {0, 1, 63, block - 1, block, block + 1, 5 * block + 17, 200_003, 3 << 20}) {
      byte[] data = new byte[size];
      random.nextBytes(data);
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      ParallelDigestOutputStream out =
          size == 3 << 20
              ? ParallelDigestOutputStream.of(sink, "SHA-256", "MD5")
              : stream(sink, block, 2, "SHA-256", "MD5");
      for (int at = 0; at < size; ) {
        int n = Math.min(size - at, random.nextInt(9000));
        if (n == 1) {
          out.write(data[at]);
        } else {
          out.write(data, at, n);
        }
        at += n;
        if (random.nextInt(10) == 0) {
          out.flush();
          assertThat(sink.size()).as("flushed bytes of %d", size).isEqualTo(at);
        }
      }
      out.close();

      assertThat(sink.toByteArray()).as("sink of %d bytes", size).isEqualTo(data);
      assertThat(out.digest(0))
          .as("SHA-256 of %d bytes", size)
          .isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
      assertThat(out.digest(1))
          .as("MD5 of %d bytes", size)
          .isEqualTo(MessageDigest.getInstance("MD5").digest(data));
    }
  }

  @Test
  void aWriterAheadOfItsDigestsWaitsAndAnInterruptEndsTheWait() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    ParallelDigestOutputStream out =
        new ParallelDigestOutputStream(
            OutputStream.nullOutputStream(), List.of(gate(never)), 16, 2);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try {
                out.write(new byte[1000]);
              } catch (Throwable t) {
                thrown.set(t);
              } finally {
                out.abort();
              }
            });
    writer.start();
    waitUntilWaitingForABlock(writer);
    assertThat(out.blocksAllocated()).isEqualTo(2);

    writer.interrupt();
    writer.join(5_000);

    assertThat(thrown.get())
        .isInstanceOf(InterruptedIOException.class)
        .hasMessage("interrupted while waiting for the digests");
  }

  @Test
  void aFailingDigestFailsTheStreamWithItsCause() {
    ParallelDigestOutputStream out =
        new ParallelDigestOutputStream(OutputStream.nullOutputStream(), List.of(failing()), 16, 2);

    assertThatThrownBy(
            () -> {
              try (out) {
                out.write(new byte[100]);
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("digest failed on its thread")
        .hasRootCauseMessage("disk of the digest on fire");
    assertThatThrownBy(() -> out.digest(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("digests are known only after a successful close()");
  }

  @Test
  void aFailingSinkFailsTheStreamAndAbortStopsTheThreads() {
    OutputStream sink =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("no space left on device");
          }
        };
    ParallelDigestOutputStream out = stream(sink, 16, 2, "SHA-256", "MD5");

    // The sink is written on its own thread: its failure comes out of a later write, or close.
    assertThatThrownBy(
            () -> {
              out.write(new byte[100]);
              out.close();
            })
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("write failed on its thread")
        .hasRootCauseMessage("no space left on device");
    assertThat(out.threaded()).isTrue();
    out.abort();
    assertThatThrownBy(() -> out.write(1)).hasMessage("stream closed");
  }

  @Test
  void theSinkIsWrittenOnItsOwnThreadOnceTheStreamOutgrowsItsFirstBlock() throws IOException {
    List<String> writers = new java.util.concurrent.CopyOnWriteArrayList<>();
    OutputStream sink =
        new OutputStream() {
          @Override
          public void write(int b) {
            writers.add(Thread.currentThread().getName());
          }

          @Override
          public void write(byte[] b, int off, int len) {
            writers.add(Thread.currentThread().getName());
          }
        };
    ParallelDigestOutputStream out = stream(sink, 16, 2, "SHA-256");
    out.write(new byte[100]);
    out.close();

    assertThat(writers).isNotEmpty().containsOnly("ftprecon-write");
  }

  private static List<String> digestsOf(String text) throws IOException {
    ParallelDigestOutputStream out =
        ParallelDigestOutputStream.of(OutputStream.nullOutputStream(), "SHA-256", "MD5");
    out.write(text.getBytes(US_ASCII));
    out.close();
    assertThat(out.threaded()).isFalse();
    return List.of(hex(out.digest(0)), hex(out.digest(1)));
  }

  private static ParallelDigestOutputStream stream(
      OutputStream sink, int blockBytes, int blocks, String... algorithms) {
    List<MessageDigest> digests =
        Arrays.stream(algorithms)
            .map(
                a -> {
                  try {
                    return MessageDigest.getInstance(a);
                  } catch (Exception e) {
                    throw new AssertionError(e);
                  }
                })
            .toList();
    return new ParallelDigestOutputStream(sink, digests, blockBytes, blocks);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * Waits until {@code t} waits for a free block (in the block pool's {@code take}). Waiting alone
   * is not enough: the writer also parks for a moment on a queue's lock while it hands a block
   * over, and a CI run once caught it there, with only one block allocated yet.
   */
  private static void waitUntilWaitingForABlock(Thread t) throws InterruptedException {
    for (int i = 0; i < 500 && !waitingForABlock(t); i++) {
      Thread.sleep(10);
    }
    assertThat(waitingForABlock(t)).as("writer waiting for a free block").isTrue();
  }

  private static boolean waitingForABlock(Thread t) {
    return t.getState() == Thread.State.WAITING
        && Arrays.stream(t.getStackTrace())
            .anyMatch(
                f ->
                    f.getClassName().equals("java.util.concurrent.ArrayBlockingQueue")
                        && f.getMethodName().equals("take"));
  }

  /** A digest that never finishes a block until {@code open} opens (or it is interrupted). */
  private static MessageDigest gate(CountDownLatch open) {
    return new StubDigest("gate") {
      @Override
      protected void engineUpdate(byte[] input, int offset, int len) {
        try {
          open.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  private static MessageDigest failing() {
    return new StubDigest("failing") {
      @Override
      protected void engineUpdate(byte[] input, int offset, int len) {
        throw new IllegalStateException("disk of the digest on fire");
      }
    };
  }

  private abstract static class StubDigest extends MessageDigest {
    StubDigest(String name) {
      super(name);
    }

    @Override
    protected void engineUpdate(byte input) {
      engineUpdate(new byte[] {input}, 0, 1);
    }

    @Override
    protected byte[] engineDigest() {
      return new byte[0];
    }

    @Override
    protected void engineReset() {}
  }
}

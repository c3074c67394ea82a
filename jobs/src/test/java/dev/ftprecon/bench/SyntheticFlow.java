package dev.ftprecon.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * One generated conversation (an FTP session with its data connection, or a bulk HTTP download) as
 * a script of packets with capture times. {@link SyntheticCapture} interleaves many by time.
 */
final class SyntheticFlow {
  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int PSH = 0x08;
  static final int ACK = 0x10;
  private static final long CONTROL_GAP_NANOS = 200_000;

  /** Writes one packet at {@code nanos}; false once the step has nothing more to write. */
  private interface Step {
    boolean write(FrameOut out, long nanos) throws IOException;
  }

  private final ArrayDeque<Step> script = new ArrayDeque<>();
  private final int id;
  private long next;
  private long gap = CONTROL_GAP_NANOS;

  private SyntheticFlow(int id, long startNanos) {
    this.id = id;
    this.next = startNanos;
  }

  int id() {
    return id;
  }

  long next() {
    return next;
  }

  /** Writes the next packet; false when the flow is over. */
  boolean step(FrameOut out) throws IOException {
    while (!script.isEmpty()) {
      gap = CONTROL_GAP_NANOS;
      if (script.peek().write(out, next)) {
        next += gap;
        return true;
      }
      script.poll();
    }
    return false;
  }

  /**
   * A passive-mode RETR: control connection to {@code server}:21, PASV answered with {@code
   * dataPort}, the file sent in MSS-sized segments from {@code dataIsn} at {@code bytesPerSecond}
   * (the client acknowledges every second segment), then 226 and QUIT.
   */
  static SyntheticFlow ftpDownload(
      int id,
      long startNanos,
      int client,
      int clientPort,
      int server,
      int dataPort,
      RandomFile file,
      long dataIsn,
      long bytesPerSecond,
      SplittableRandom isns) {
    SyntheticFlow f = new SyntheticFlow(id, startNanos);
    TcpConn ctl =
        new TcpConn(
            client, clientPort, server, 21, isns.nextLong(1L << 32), isns.nextLong(1L << 32));
    TcpConn data =
        new TcpConn(client, clientPort + 1, server, dataPort, isns.nextLong(1L << 32), dataIsn);
    f.handshake(ctl);
    f.line(ctl, false, "220 ftprecon synthetic FTP server ready.");
    f.line(ctl, true, "USER anonymous");
    f.line(ctl, false, "331 Please specify the password.");
    f.line(ctl, true, "PASS bench@example.org");
    f.line(ctl, false, "230 Login successful.");
    f.line(ctl, true, "TYPE I");
    f.line(ctl, false, "200 Switching to Binary mode.");
    f.line(ctl, true, "PASV");
    f.line(
        ctl,
        false,
        String.format(
            "227 Entering Passive Mode (%d,%d,%d,%d,%d,%d).",
            server >>> 24,
            server >>> 16 & 0xFF,
            server >>> 8 & 0xFF,
            server & 0xFF,
            dataPort >>> 8,
            dataPort & 0xFF));
    f.line(ctl, true, "RETR " + file.name());
    f.handshake(data);
    f.line(
        ctl,
        false,
        "150 Opening BINARY mode data connection for "
            + file.name()
            + " ("
            + file.size()
            + " bytes).");
    f.stream(data, file, bytesPerSecond);
    f.close(data);
    f.line(ctl, false, "226 Transfer complete.");
    f.line(ctl, true, "QUIT");
    f.line(ctl, false, "221 Goodbye.");
    f.close(ctl);
    return f;
  }

  /** A plain HTTP/1.0 download of {@code body} from {@code server}:80: traffic that is not FTP. */
  static SyntheticFlow httpDownload(
      int id,
      long startNanos,
      int client,
      int clientPort,
      int server,
      RandomFile body,
      long bytesPerSecond,
      SplittableRandom isns) {
    SyntheticFlow f = new SyntheticFlow(id, startNanos);
    TcpConn c =
        new TcpConn(
            client, clientPort, server, 80, isns.nextLong(1L << 32), isns.nextLong(1L << 32));
    f.handshake(c);
    f.line(c, true, "GET /" + body.name() + " HTTP/1.0\r\nHost: 10.0.0.2");
    f.line(c, false, "HTTP/1.0 200 OK\r\nContent-Length: " + body.size() + "\r\n");
    f.stream(c, body, bytesPerSecond);
    f.close(c);
    return f;
  }

  private void handshake(TcpConn c) {
    once(out -> c.send(out, next, true, SYN, null, 0, 0));
    once(out -> c.send(out, next, false, SYN | ACK, null, 0, 0));
    once(out -> c.send(out, next, true, ACK, null, 0, 0));
  }

  private void line(TcpConn c, boolean fromClient, String text) {
    byte[] b = (text + "\r\n").getBytes(StandardCharsets.US_ASCII);
    once(out -> c.send(out, next, fromClient, PSH | ACK, b, 0, b.length));
  }

  /** The server sends FIN first (end of a data transfer, RFC 959 §3.3), the client answers. */
  private void close(TcpConn c) {
    once(out -> c.send(out, next, false, FIN | ACK, null, 0, 0));
    once(out -> c.send(out, next, true, FIN | ACK, null, 0, 0));
    once(out -> c.send(out, next, false, ACK, null, 0, 0));
  }

  private void stream(TcpConn c, RandomFile file, long bytesPerSecond) {
    byte[] segment = new byte[FrameOut.MSS];
    long[] segments = {0};
    script.add(
        (out, nanos) -> {
          segments[0]++;
          if (segments[0] % 3 == 0) { // every third packet: the client acks two segments
            c.send(out, nanos, true, ACK, null, 0, 0);
            gap = 1_000;
            return true;
          }
          int len = file.read(segment);
          if (len == 0) {
            return false;
          }
          c.send(out, nanos, false, len < FrameOut.MSS ? PSH | ACK : ACK, segment, 0, len);
          gap = len * 1_000_000_000L / bytesPerSecond;
          return true;
        });
  }

  private interface Once {
    void write(FrameOut out) throws IOException;
  }

  private void once(Once w) {
    boolean[] done = {false};
    script.add(
        (out, nanos) -> {
          if (done[0]) {
            return false;
          }
          w.write(out);
          done[0] = true;
          return true;
        });
  }

  /** Both directions' next sequence numbers of one TCP connection. */
  private static final class TcpConn {
    private final int client;
    private final int clientPort;
    private final int server;
    private final int serverPort;
    private long clientSeq;
    private long serverSeq;

    TcpConn(
        int client, int clientPort, int server, int serverPort, long clientIsn, long serverIsn) {
      this.client = client;
      this.clientPort = clientPort;
      this.server = server;
      this.serverPort = serverPort;
      this.clientSeq = clientIsn;
      this.serverSeq = serverIsn;
    }

    void send(FrameOut out, long nanos, boolean fromClient, int flags, byte[] p, int off, int len)
        throws IOException {
      long seq = fromClient ? clientSeq : serverSeq;
      long ack = (flags & ACK) != 0 ? (fromClient ? serverSeq : clientSeq) : 0;
      if (fromClient) {
        out.write(nanos, client, clientPort, server, serverPort, seq, ack, flags, p, off, len);
      } else {
        out.write(nanos, server, serverPort, client, clientPort, seq, ack, flags, p, off, len);
      }
      long advance = len + ((flags & SYN) != 0 ? 1 : 0) + ((flags & FIN) != 0 ? 1 : 0);
      if (fromClient) {
        clientSeq = (clientSeq + advance) & 0xFFFFFFFFL;
      } else {
        serverSeq = (serverSeq + advance) & 0xFFFFFFFFL;
      }
    }
  }

  /**
   * A file's bytes drawn from a seeded PRNG as they are sent, hashed on the way: its sha256 comes
   * from the generator's own stream, independently of any reassembly.
   */
  static final class RandomFile {
    private final String name;
    private final long size;
    private final SplittableRandom random;
    private final MessageDigest sha256;
    private long sent;

    RandomFile(String name, long size, long seed, boolean hashed) {
      this.name = name;
      this.size = size;
      this.random = new SplittableRandom(seed);
      try {
        this.sha256 = hashed ? MessageDigest.getInstance("SHA-256") : null;
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    String name() {
      return name;
    }

    long size() {
      return size;
    }

    /** Fills up to {@code b.length} next bytes; 0 at the end. */
    int read(byte[] b) {
      int len = (int) Math.min(b.length, size - sent);
      int i = 0;
      for (; i + 8 <= len; i += 8) {
        long v = random.nextLong();
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
        b[i + 2] = (byte) (v >>> 16);
        b[i + 3] = (byte) (v >>> 24);
        b[i + 4] = (byte) (v >>> 32);
        b[i + 5] = (byte) (v >>> 40);
        b[i + 6] = (byte) (v >>> 48);
        b[i + 7] = (byte) (v >>> 56);
      }
      if (i < len) {
        long v = random.nextLong();
        for (; i < len; i++, v >>>= 8) {
          b[i] = (byte) v;
        }
      }
      if (sha256 != null) {
        sha256.update(b, 0, len);
      }
      sent += len;
      return len;
    }

    String sha256() {
      return HexFormat.of().formatHex(sha256.digest());
    }
  }
}

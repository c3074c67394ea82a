package dev.ftprecon.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.control.ControlConnectionAnalyzer;
import dev.ftprecon.ftp.ConnectionFacts;
import dev.ftprecon.ftp.DataChannelMatcher;
import dev.ftprecon.ftp.Expectation;
import dev.ftprecon.ftp.ExpectedDataChannel;
import dev.ftprecon.ftp.FtpLimits;
import dev.ftprecon.ftp.FtpSessionSummary;
import dev.ftprecon.ftp.FtpSessionTracker;
import dev.ftprecon.packet.DecodeStatus;
import dev.ftprecon.packet.PacketDecoder;
import dev.ftprecon.packet.TcpSegment;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finding of FtpSessionTrackerFuzzTest and ControlConnectionFuzzTest (crash inputs kept in their
 * inputs directories): a transfer command whose final reply arrives at a capture time before the
 * epoch makes {@link FtpSessionTracker#finish} throw IllegalArgumentException ("finalReplyNanos
 * must be -1 or a time") from the ExpectedDataChannel constructor, although traffic must never
 * raise an exception. Such times are not exotic: the pcapng reader produces them from an interface
 * with a negative if_tsoffset, or from an obsolete Packet Block with a small timestamp. And a reply
 * before the epoch was taken for "no final reply" (any negative time read as the sentinel -1), so
 * the data channel matcher gave its channel a window without end.
 */
class NegativeTimestampFindingsTest {
  private static final byte[] RETR = ascii("RETR f.bin\r\n");
  private static final byte[] DONE = ascii("226 Transfer complete\r\n");

  @Test
  void transferAnsweredBeforeTheEpochDoesNotThrow() {
    FtpSessionTracker tracker =
        new FtpSessionTracker("192.0.2.10", 50_000, "198.51.100.21", 21, FtpLimits.DEFAULTS);
    tracker.clientData(-2_000, RETR, 0, RETR.length);
    tracker.serverData(-1_000, DONE, 0, DONE.length);

    assertThatCode(() -> tracker.finish(0))
        .as("finish() after a reply at -1000 ns")
        .doesNotThrowAnyException();
  }

  @Test
  void replyAtMinusOneNanosecondIsNotMistakenForNoReply() {
    FtpSessionTracker tracker =
        new FtpSessionTracker("192.0.2.10", 50_000, "198.51.100.21", 21, FtpLimits.DEFAULTS);
    byte[] pasv = ascii("PASV\r\n");
    byte[] entering = ascii("227 Entering Passive Mode (198,51,100,21,195,80)\r\n");
    tracker.clientData(-30, pasv, 0, pasv.length);
    tracker.serverData(-20, entering, 0, entering.length);
    tracker.clientData(-10, RETR, 0, RETR.length);
    tracker.serverData(-1, DONE, 0, DONE.length);
    ExpectedDataChannel channel = tracker.finish(0).channels().get(0);
    assertThat(channel.replyCode()).isEqualTo(226);
    assertThat(channel.finalReplyNanos()).isEqualTo(-1);

    // The channel's window closes at the reply plus the matcher's slack; a connection to the
    // announced port (50000 = 195 * 256 + 80) an hour later is not this transfer's, as it would
    // be if the reply time -1 read as "no final reply" (a window without end).
    long anHourLater = 3_600_000_000_000L;
    ConnectionFacts late =
        new ConnectionFacts(
            "192.0.2.10", 51_000, "198.51.100.21", 50_000, true, anHourLater, anHourLater + 1);
    Expectation expectation = new Expectation("s", "192.0.2.10", "198.51.100.21", channel);
    assertThat(new DataChannelMatcher().match(List.of(expectation), List.of(late))).isEmpty();
  }

  /**
   * The same from file bytes: a pcapng capture whose interface has if_tsoffset = -2,000,000,000 s,
   * read, decoded and followed as the jobs do.
   */
  @Test
  void pcapngWithNegativeTimeOffsetDoesNotCrashTheControlAnalyzer() throws Exception {
    byte[] file =
        pcapng(
            frame(true, 1, ascii("RETR f.bin\r\n")),
            frame(false, 1, ascii("150 Opening data connection\r\n")),
            frame(false, 30, ascii("226 Transfer complete\r\n")));
    ControlConnectionAnalyzer analyzer =
        new ControlConnectionAnalyzer(
            "192.0.2.10", 50_000, "198.51.100.21", 21, FtpLimits.DEFAULTS);
    PacketDecoder decoder = new PacketDecoder();
    TcpSegment segment = new TcpSegment();
    long last = 0;
    try (CaptureReader reader = CaptureReaders.open(new ByteArrayInputStream(file))) {
      while (reader.next()) {
        CaptureRecord r = reader.record();
        assertThat(r.timestampNanos()).as("capture time before the epoch").isNegative();
        DecodeStatus status =
            decoder.decode(
                r.linkType(),
                r.buffer(),
                r.bufferOffset(),
                r.capturedLength(),
                r.originalLength(),
                segment);
        assertThat(status).isEqualTo(DecodeStatus.TCP);
        analyzer.segment(
            segment.srcPort() == 50_000,
            r.timestampNanos(),
            segment.seq(),
            segment.flags(),
            r.buffer(),
            r.bufferOffset() + segment.payloadOffset(),
            segment.payloadLength());
        last = r.timestampNanos();
      }
    }
    long end = last;
    assertThatCode(
            () -> {
              FtpSessionSummary summary = analyzer.finish(end);
              assertThat(summary.channels()).hasSize(1);
            })
        .doesNotThrowAnyException();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Ethernet, IPv4, TCP (ACK|PSH) from the client (port 50000) or the server (port 21). */
  private static byte[] frame(boolean fromClient, long seq, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(14 + 20 + 20 + payload.length);
    b.put(new byte[] {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2}).putShort((short) 0x0800);
    byte[] client = {(byte) 192, 0, 2, 10};
    byte[] server = {(byte) 198, 51, 100, 21};
    b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload.length));
    b.putShort((short) 1).putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0);
    b.put(fromClient ? client : server).put(fromClient ? server : client);
    b.putShort((short) (fromClient ? 50_000 : 21)).putShort((short) (fromClient ? 21 : 50_000));
    b.putInt((int) seq).putInt(1).put((byte) 0x50).put((byte) 0x18).putShort((short) 65535);
    b.putInt(0).put(payload);
    return b.array();
  }

  /** SHB, an Ethernet IDB with if_tsoffset = -2e9 s, one EPB per frame, 10 ms apart. */
  private static byte[] pcapng(byte[]... frames) {
    List<byte[]> blocks = new ArrayList<>();
    blocks.add(
        block(
            0x0A0D0D0A,
            le(16).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1)));
    blocks.add(
        block(
            1,
            le(24)
                .putShort((short) 1) // Ethernet
                .putShort((short) 0)
                .putInt(0) // snap length
                .putShort((short) 14) // if_tsoffset
                .putShort((short) 8)
                .putLong(-2_000_000_000L)
                .putInt(0))); // opt_endofopt
    long micros = 1_700_000_000_000_000L;
    for (byte[] frame : frames) {
      int padded = (frame.length + 3) & ~3;
      ByteBuffer body =
          le(20 + padded)
              .putInt(0)
              .putInt((int) (micros >>> 32))
              .putInt((int) micros)
              .putInt(frame.length)
              .putInt(frame.length)
              .put(frame);
      blocks.add(block(6, body.position(20 + padded)));
      micros += 10_000;
    }
    ByteBuffer file = le(blocks.stream().mapToInt(x -> x.length).sum());
    blocks.forEach(file::put);
    return file.array();
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] block(int type, ByteBuffer body) {
    int length = 12 + body.capacity();
    return le(length).putInt(type).putInt(length).put(body.array()).putInt(length).array();
  }
}

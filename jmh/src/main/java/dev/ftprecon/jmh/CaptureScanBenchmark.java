package dev.ftprecon.jmh;

import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.packet.DecodeStatus;
import dev.ftprecon.packet.FragmentReassemblyOptions;
import dev.ftprecon.packet.PacketDecoder;
import dev.ftprecon.packet.TcpSegment;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One operation = one pass over the whole {@link LargeCapture}, single-threaded, from the page
 * cache through a FileInputStream and a 64 KiB buffer (the size {@code CaptureInput} starts with).
 * bench/jmh.sh turns the times into GB/s and the ratios the issue asks for.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class CaptureScanBenchmark {
  private static final int BUFFER_BYTES = 64 * 1024;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** (1) The ceiling of any reader: read the bytes and touch each one, a long per 8 bytes. */
  @Benchmark
  public long sequentialRead(LargeCapture capture) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    long sum = 0;
    try (InputStream in = new FileInputStream(capture.file.toFile())) {
      int n;
      while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
        int i = 0;
        for (; i + 8 <= n; i += 8) {
          sum += (long) LONG_LE.get(buffer, i);
        }
        for (; i < n; i++) {
          sum += buffer[i];
        }
      }
    }
    return sum;
  }

  /**
   * (2) A plain hand-written walk: every pcap record header, then Ethernet, IPv4 or IPv6, and TCP
   * header fields, with no checks beyond staying inside the record. Little-endian pcap only.
   */
  @Benchmark
  public long handWalk(LargeCapture capture) throws IOException {
    byte[] b = new byte[BUFFER_BYTES];
    long sum = 0;
    try (InputStream in = new FileInputStream(capture.file.toFile())) {
      int end = in.readNBytes(b, 0, b.length);
      int at = LargeCapture.FILE_HEADER_BYTES;
      while (true) {
        if (end - at < LargeCapture.RECORD_HEADER_BYTES) {
          end = compactAndFill(in, b, at, end);
          at = 0;
          if (end < LargeCapture.RECORD_HEADER_BYTES) {
            break;
          }
        }
        int caplen = (int) INT_LE.get(b, at + 8);
        int total = LargeCapture.RECORD_HEADER_BYTES + caplen;
        if (end - at < total) {
          if (total > b.length) {
            b = java.util.Arrays.copyOf(b, total);
          }
          end = compactAndFill(in, b, at, end);
          at = 0;
          if (end < total) {
            break;
          }
        }
        sum +=
            (int) INT_LE.get(b, at) + walkFrame(b, at + LargeCapture.RECORD_HEADER_BYTES, caplen);
        at += total;
      }
    }
    return sum;
  }

  private static long walkFrame(byte[] b, int f, int len) {
    if (len < 14) {
      return 0;
    }
    int type = u16(b, f + 12);
    int ip = f + 14;
    int tcp;
    int payload;
    if (type == 0x0800 && len >= 34) {
      int ihl = (b[ip] & 0x0F) * 4;
      if (b[ip + 9] != 6) {
        return 1;
      }
      tcp = ip + ihl;
      payload = u16(b, ip + 2) - ihl + addressBytes(b, ip + 12);
    } else if (type == 0x86DD && len >= 54) {
      if (b[ip + 6] != 6) {
        return 1;
      }
      tcp = ip + 40;
      payload = u16(b, ip + 4);
    } else {
      return 0;
    }
    if (tcp + 20 > f + len) {
      return 2;
    }
    int doff = (b[tcp + 12] >>> 4 & 0x0F) * 4;
    return u16(b, tcp)
        + u16(b, tcp + 2)
        + u32(b, tcp + 4)
        + u32(b, tcp + 8)
        + (b[tcp + 13] & 0xFF)
        + u16(b, tcp + 14)
        + (payload - doff);
  }

  /** Touches both IPv4 addresses, as a decoder copying them would; contributes 0. */
  private static int addressBytes(byte[] b, int at) {
    return (b[at] ^ b[at + 4]) & 0;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }

  private static long u32(byte[] b, int at) {
    return ((long) u16(b, at) << 16) | u16(b, at + 2);
  }

  private static int compactAndFill(InputStream in, byte[] b, int at, int end) throws IOException {
    int left = end - at;
    System.arraycopy(b, at, b, 0, left);
    return left + in.readNBytes(b, left, b.length - left);
  }

  /** (3) Ours: CaptureReaders + PacketDecoder on every record, as the scan does. */
  @Benchmark
  public long readerAndDecoder(LargeCapture capture) throws Exception {
    return scan(capture, new PacketDecoder());
  }

  /** (3') The same with IP fragment reassembly switched on. */
  @Benchmark
  public long readerAndReassemblingDecoder(LargeCapture capture) throws Exception {
    return scan(capture, new PacketDecoder(FragmentReassemblyOptions.DEFAULTS));
  }

  private static long scan(LargeCapture capture, PacketDecoder decoder) throws Exception {
    TcpSegment segment = new TcpSegment();
    long sum = 0;
    try (CaptureReader reader = CaptureReaders.open(new FileInputStream(capture.file.toFile()))) {
      CaptureRecord r = reader.record();
      while (reader.next()) {
        DecodeStatus status =
            decoder.decode(
                r.linkType(),
                r.buffer(),
                r.bufferOffset(),
                r.capturedLength(),
                r.originalLength(),
                r.timestampNanos(),
                segment);
        if (status == DecodeStatus.TCP) {
          sum += segment.seq() + segment.payloadLength() + segment.srcPort() + segment.flags();
        }
      }
      if (reader.records() != capture.records) {
        throw new IllegalStateException(
            "read " + reader.records() + " records (expected: " + capture.records + ")");
      }
    }
    return sum;
  }
}

package dev.ftprecon.faults;

import dev.ftprecon.capture.CaptureReader;
import dev.ftprecon.capture.CaptureReaders;
import dev.ftprecon.capture.CaptureRecord;
import dev.ftprecon.faults.DataConnection.Role;
import dev.ftprecon.packet.DecodeStatus;
import dev.ftprecon.packet.PacketDecoder;
import dev.ftprecon.packet.TcpSegment;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A deliberately simple reading of a generated capture, to cross-check its expected JSON from the
 * other side: the expected values are derived from the original bytes and the ranges a fault
 * changed; this rebuilds them from the packets actually written. The whole file is kept in memory,
 * positions are written in capture order and the first byte seen at a position wins.
 *
 * <p>Keep-alives are skipped by the rule of RFC 1122 §4.2.3.6: a keep-alive carries sequence number
 * SND.NXT − 1 and at most one byte, of any content. SND.NXT is read from the capture as the end of
 * the furthest data seen so far, so a 1-byte segment ending exactly there is a keep-alive: not
 * data, neither a duplicate nor a conflict, even when its byte differs.
 */
final class NaiveReassembly {
  String status;
  byte[] file;
  long missingBytes;
  final List<FileRange> gaps = new ArrayList<>();
  long duplicateBytes;
  long conflictBytes;
  final List<FileRange> conflictRanges = new ArrayList<>();
  long keepAlives;

  private NaiveReassembly() {}

  /** Reads the captures in order and rebuilds the sender's stream of {@code connection}. */
  static NaiveReassembly of(List<Path> captures, DataConnection connection, int maxSize)
      throws Exception {
    List<byte[]> payloads = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    List<Integer> claimed = new ArrayList<>();
    long isn = -1;
    long finEnd = -1;
    boolean rstBeforeFin = false;
    boolean truncated = false;
    PacketDecoder decoder = new PacketDecoder();
    TcpSegment s = new TcpSegment();
    for (Path capture : captures) {
      try (InputStream in = Files.newInputStream(capture);
          CaptureReader reader = CaptureReaders.open(in)) {
        while (reader.next()) {
          CaptureRecord r = reader.record();
          if (decoder.decode(
                  r.linkType(),
                  r.buffer(),
                  r.bufferOffset(),
                  r.capturedLength(),
                  r.originalLength(),
                  s)
              != DecodeStatus.TCP) {
            continue;
          }
          Role role = connection.roleOf(s.srcAddress(), s.srcPort(), s.dstAddress(), s.dstPort());
          if (role == Role.OTHER) {
            continue;
          }
          rstBeforeFin |= (s.flags() & TcpSegment.RST) != 0 && finEnd < 0;
          if (role != Role.SENDER) {
            continue;
          }
          if ((s.flags() & TcpSegment.SYN) != 0) {
            isn = s.seq();
          }
          if (s.payloadClaimedLength() > 0) {
            truncated |= s.truncated();
            int at = r.bufferOffset() + s.payloadOffset();
            payloads.add(Arrays.copyOfRange(r.buffer(), at, at + s.payloadLength()));
            seqs.add(s.seq());
            claimed.add(s.payloadClaimedLength());
            if ((s.flags() & TcpSegment.FIN) != 0) {
              finEnd = (s.seq() + s.payloadClaimedLength()) % SenderStream.SEQ_SPACE;
            }
          } else if ((s.flags() & TcpSegment.FIN) != 0) {
            finEnd = s.seq();
          }
        }
      }
    }
    if (isn < 0) {
      isn = (seqs.get(0) - 1 + SenderStream.SEQ_SPACE) % SenderStream.SEQ_SPACE; // no handshake
    }
    NaiveReassembly result = new NaiveReassembly();
    byte[] file = new byte[maxSize];
    boolean[] seen = new boolean[maxSize];
    long size = finEnd < 0 ? 0 : offset(isn, finEnd);
    long conflictStart = -1;
    long highestEnd = 0; // SND.NXT as far as the capture shows: the end of the furthest data
    for (int i = 0; i < payloads.size(); i++) {
      long start = offset(isn, seqs.get(i));
      byte[] payload = payloads.get(i);
      if (claimed.get(i) == 1 && start + 1 == highestEnd) {
        result.keepAlives++; // seq = SND.NXT - 1, one byte of any content
        continue;
      }
      highestEnd = Math.max(highestEnd, start + claimed.get(i));
      for (int p = 0; p < payload.length; p++) {
        int at = (int) (start + p);
        boolean conflict = false;
        if (!seen[at]) {
          seen[at] = true;
          file[at] = payload[p];
        } else if (file[at] == payload[p]) {
          result.duplicateBytes++;
        } else {
          result.conflictBytes++;
          conflict = true;
        }
        if (conflict && conflictStart < 0) {
          conflictStart = at;
        } else if (!conflict && conflictStart >= 0) {
          result.conflictRanges.add(new FileRange(conflictStart, at));
          conflictStart = -1;
        }
      }
      if (conflictStart >= 0) {
        result.conflictRanges.add(new FileRange(conflictStart, start + payload.length));
        conflictStart = -1;
      }
      size = Math.max(size, start + payload.length);
    }
    // Without a FIN the end of the stream is the size the control connection announced
    // (maxSize): what was never sent up to it is missing, though the file ends at the last byte.
    long gapsEnd = finEnd < 0 ? maxSize : size;
    long gapStart = -1;
    for (int at = 0; at <= gapsEnd; at++) {
      boolean missing = at < gapsEnd && (at >= size || !seen[at]);
      if (missing && gapStart < 0) {
        gapStart = at;
      } else if (!missing && gapStart >= 0) {
        result.gaps.add(new FileRange(gapStart, at));
        result.missingBytes += at - gapStart;
        gapStart = -1;
      }
    }
    result.file = Arrays.copyOf(file, (int) size);
    result.status =
        rstBeforeFin
            ? ExpectedOutcome.ABORTED
            : result.missingBytes == 0
                ? ExpectedOutcome.COMPLETE
                : truncated ? ExpectedOutcome.TRUNCATED : ExpectedOutcome.INCOMPLETE;
    return result;
  }

  private static long offset(long isn, long seq) {
    return Math.floorMod(seq - (isn + 1), SenderStream.SEQ_SPACE);
  }
}

package dev.ftprecon.jobs.source;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import dev.ftprecon.capture.CaptureRecord;
import java.util.Locale;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The columns of the {@code pcap} data source, one row per TCP segment, each with how its value is
 * taken from the current record in Spark's internal representation. Only selected columns are
 * computed, so the payload is copied only when asked for.
 */
enum PcapColumn {
  /** Fully qualified path of the capture file. */
  PATH(StringType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.path();
    }
  },
  /** Byte offset of the record header (pcap) or block (pcapng) in the file. */
  RECORD_OFFSET(LongType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.record().recordOffset();
    }
  },
  /** Capture time, to the microsecond (Spark's TIMESTAMP). */
  TIMESTAMP(TimestampType, false) {
    @Override
    Object value(PcapRecordView v) {
      return Math.floorDiv(v.record().timestampNanos(), 1000L);
    }
  },
  /** Capture time in nanoseconds since the Unix epoch, as precise as the capture. */
  TIMESTAMP_NS(LongType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.record().timestampNanos();
    }
  },
  /** LINKTYPE_ value of the interface (1 Ethernet, 113 Linux cooked, ...). */
  LINK_TYPE(IntegerType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.record().linkType();
    }
  },
  /** Bytes of the frame present in the file. */
  CAPTURED_LEN(IntegerType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.record().capturedLength();
    }
  },
  /** Length of the frame on the wire. */
  ORIGINAL_LEN(LongType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.record().originalLength();
    }
  },
  /** 4 or 6: of the innermost IP header (IPv6 in IPv4 gives 6). */
  IP_VERSION(IntegerType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.segment().ipVersion();
    }
  },
  /** Source address, RFC 5952 text for IPv6. */
  SRC_IP(StringType, false) {
    @Override
    Object value(PcapRecordView v) {
      return UTF8String.fromString(v.segment().srcIp());
    }
  },
  DST_IP(StringType, false) {
    @Override
    Object value(PcapRecordView v) {
      return UTF8String.fromString(v.segment().dstIp());
    }
  },
  SRC_PORT(IntegerType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.segment().srcPort();
    }
  },
  DST_PORT(IntegerType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.segment().dstPort();
    }
  },
  /** Sequence number, unsigned 32 bits. */
  SEQ(LongType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.segment().seq();
    }
  },
  /** Acknowledgment number, unsigned 32 bits (meaningful when flags has ACK, 0x10). */
  ACK(LongType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.segment().ack();
    }
  },
  /** TCP flags byte: FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20, ECE, CWR. */
  FLAGS(IntegerType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.segment().flags();
    }
  },
  /** Window field as sent (not scaled). */
  WINDOW(IntegerType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.segment().window();
    }
  },
  /** Payload bytes present in the capture. */
  PAYLOAD_LEN(IntegerType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.segment().payloadLength();
    }
  },
  /** Payload length the IP header claims; more than payload_len when the snap length cut it. */
  PAYLOAD_CLAIMED_LEN(IntegerType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.segment().payloadClaimedLength();
    }
  },
  /** Whether the capture cut the segment (payload_len < payload_claimed_len). */
  TRUNCATED(BooleanType, false) {
    @Override
    Object value(PcapRecordView v) {
      return v.segment().truncated();
    }
  },
  /** The payload bytes present (empty when none). */
  PAYLOAD(BinaryType, false) {
    @Override
    Object value(PcapRecordView v) {
      CaptureRecord r = v.record();
      return v.segment().copyPayload(r.buffer(), r.bufferOffset());
    }
  };

  private final DataType type;
  private final boolean nullable;

  PcapColumn(DataType type, boolean nullable) {
    this.type = type;
    this.nullable = nullable;
  }

  /** The column name: the constant's name in lower case. */
  String columnName() {
    return name().toLowerCase(Locale.ROOT);
  }

  DataType type() {
    return type;
  }

  boolean nullable() {
    return nullable;
  }

  abstract Object value(PcapRecordView v);

  static PcapColumn named(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}

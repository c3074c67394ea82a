package dev.ftprecon.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A clean sample capture with its transfer, data connection and file bytes, ready to be damaged.
 */
record FaultSource(
    SourceCapture capture,
    ExpectedTransfer transfer,
    DataConnection connection,
    SenderStream stream) {

  static FaultSource load(Path repoRoot, String capturePath) throws IOException {
    SourceCapture capture = SourceCapture.load(repoRoot, capturePath);
    ExpectedTransfer transfer = ExpectedTransfer.load(repoRoot, capturePath);
    DataConnection connection = DataConnection.of(transfer);
    return new FaultSource(
        capture, transfer, connection, new SenderStream(capture, connection, transfer));
  }

  List<Packet> packets() {
    return capture.packets();
  }

  /** A fresh edit of the source's packets. */
  PacketListEdit edit() {
    return new PacketListEdit(capture.packets());
  }
}

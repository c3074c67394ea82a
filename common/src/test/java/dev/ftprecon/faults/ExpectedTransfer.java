package dev.ftprecon.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one transfer of a sample capture, as {@code testdata/expected/<capture>.json} describes it.
 * Its size and SHA-256 come from the original file on disk, not from any ftprecon code, which is
 * what makes them a trustworthy reference for the faults derived from the capture.
 */
record ExpectedTransfer(
    String command,
    String path,
    String direction,
    long bytes,
    String sha256,
    String clientIp,
    int clientPort,
    String serverIp,
    int serverPort) {

  static ExpectedTransfer load(Path repoRoot, String capture) throws IOException {
    Path json =
        repoRoot.resolve("testdata/expected").resolve(Path.of(capture).getFileName() + ".json");
    Object root = MiniJson.parse(Files.readString(json, StandardCharsets.UTF_8));
    List<?> transfers = (List<?>) MiniJson.at(root, "transfers");
    SourceCapture.require(
        transfers.size() == 1, json + ": " + transfers.size() + " transfers, expected exactly 1");
    Object t = transfers.get(0);
    return new ExpectedTransfer(
        (String) MiniJson.at(t, "command"),
        (String) MiniJson.at(t, "path"),
        (String) MiniJson.at(t, "direction"),
        (Long) MiniJson.at(t, "bytes"),
        (String) MiniJson.at(t, "sha256"),
        (String) MiniJson.at(t, "data_connection", "client_ip"),
        ((Long) MiniJson.at(t, "data_connection", "client_port")).intValue(),
        (String) MiniJson.at(t, "data_connection", "server_ip"),
        ((Long) MiniJson.at(t, "data_connection", "server_port")).intValue());
  }

  boolean isDownload() {
    return "download".equals(direction);
  }
}

package dev.ftprecon.ftp;

import java.io.Serializable;
import java.util.Objects;

/**
 * A connection assigned to an expected data channel by {@link DataChannelMatcher}.
 *
 * @param expectation the expected channel
 * @param connection the connection carrying it
 * @param serverSide the connection's end on the FTP server's side (the listener if passive)
 * @param clientSide the connection's end on the FTP client's side (the listener if active)
 */
public record DataChannelAssignment(
    Expectation expectation, ConnectionFacts connection, HostPort serverSide, HostPort clientSide)
    implements Serializable {

  public DataChannelAssignment {
    Objects.requireNonNull(expectation, "expectation");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(serverSide, "serverSide");
    Objects.requireNonNull(clientSide, "clientSide");
  }
}

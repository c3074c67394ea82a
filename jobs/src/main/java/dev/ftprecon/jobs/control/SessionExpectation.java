package dev.ftprecon.jobs.control;

import dev.ftprecon.ftp.ExpectedDataChannel;
import java.io.Serializable;

/** A data channel announced on a control connection, with that connection's endpoints. */
public record SessionExpectation(
    String sessionId,
    int ipVersion,
    String clientIp,
    int clientPort,
    String serverIp,
    int serverPort,
    ExpectedDataChannel channel)
    implements Serializable {}

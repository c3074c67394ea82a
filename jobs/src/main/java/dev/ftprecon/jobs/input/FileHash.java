package dev.ftprecon.jobs.input;

import java.io.Serializable;

/**
 * The sha256 of a whole file as stored, or why it could not be computed.
 *
 * @param fileId the file's id in this run
 * @param sha256 lowercase hex; null when reading failed
 * @param error why reading failed; null when hashed
 */
public record FileHash(int fileId, String sha256, String error) implements Serializable {}

/**
 * Naming of output artefacts: deterministic transfer ids and file names for reconstructed files
 * that are safe on Linux, Windows and HDFS whatever path an FTP client sent.
 *
 * <p>Paths in FTP commands are attacker-controlled bytes (RFC 959 puts no restriction on them), so
 * they are never used as paths: only a sanitised last segment is kept, prefixed by a per-transfer
 * id that makes each name unique.
 */
package dev.ftprecon.output;

/**
 * Message digests (SHA-256, MD5, ...) of a stream as it is written, each computed on a thread of
 * its own so that the writing thread pays one copy per byte whatever the number of digests ({@link
 * dev.ftprecon.digest.ParallelDigestOutputStream}). Pure JDK.
 */
package dev.ftprecon.digest;

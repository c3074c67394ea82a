/**
 * Streaming readers for packet capture files: classic libpcap (draft-ietf-opsawg-pcap) and pcapng
 * (draft-ietf-opsawg-pcapng).
 *
 * <p>One purpose: turn a capture byte stream into a sequence of records (link type, timestamp,
 * packet bytes and their exact byte offset in the file) with bounded memory and no allocation per
 * record. Readers never throw on bad bytes: they stop, report a {@link
 * dev.ftprecon.capture.CaptureDamage} naming the offset and what was wrong, and keep every record
 * read before it. Entry point: {@link dev.ftprecon.capture.CaptureReaders#open}.
 *
 * <p>Split reading ({@link dev.ftprecon.capture.CaptureReaders#openSplit}) reads one byte range of
 * a file: the header region from offset 0, then the first record boundary found from the bytes near
 * the range start (ChainResync); each split checks that its successor's search lands on the true
 * boundary and says so otherwise ({@link
 * dev.ftprecon.capture.SplitCaptureReader#successorOutOfSync()}).
 */
package dev.ftprecon.capture;

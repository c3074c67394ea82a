/**
 * TCP stream reassembly for one direction of one connection: RFC 793 sequence-number arithmetic
 * ({@link dev.ftprecon.tcp.SeqNum}), unwrapping 32-bit sequence numbers to 64-bit stream offsets
 * ({@link dev.ftprecon.tcp.SequenceUnwrapper}) and writing the payload of offset-sorted segments
 * sequentially to a sink with bounded memory ({@link dev.ftprecon.tcp.StreamAssembler}).
 *
 * <p>Every irregularity met on the way (holes, overlapping retransmissions, conflicting bytes,
 * misordered input) is counted in an {@link dev.ftprecon.tcp.AssemblyResult}; nothing is silently
 * dropped.
 *
 * <p>Sequence numbers (32-bit, modulo 2^32) are only ever compared through {@link
 * dev.ftprecon.tcp.SeqNum}. Stream offsets (64-bit, after unwrapping) do not wrap and are compared
 * with ordinary operators.
 */
package dev.ftprecon.tcp;

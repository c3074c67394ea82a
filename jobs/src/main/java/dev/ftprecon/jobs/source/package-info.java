/**
 * Capture files as a Spark file source: split planning that follows Spark's own file-source
 * settings, the per-split reader shared by the reconstruction job and the {@code pcap} data source,
 * and that data source ({@code spark.read.format("pcap")}).
 */
package dev.ftprecon.jobs.source;

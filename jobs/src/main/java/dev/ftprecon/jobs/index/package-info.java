/** Builds the index rows and writes the four Parquet tables under OUT/index/. */
package dev.ftprecon.jobs.index;

/** {@code bin/ftp-index-sql}: Spark SQL over an index written by the reconstruction job. */
package dev.ftprecon.jobs.sql;

/**
 * Spark side of data-channel reconstruction: finds the TCP connection of each announced data
 * channel, then groups its segment pointers, sorts them by unwrapped sequence number and writes the
 * bytes, read where they lie in the captures, to one file per transfer.
 */
package dev.ftprecon.jobs.data;

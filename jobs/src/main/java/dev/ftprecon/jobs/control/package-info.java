/**
 * Spark side of control-channel analysis: groups the segments of each FTP control connection, runs
 * the core's analyzer over them in capture order, and yields sessions, commands and the data
 * channels each session announced.
 */
package dev.ftprecon.jobs.control;

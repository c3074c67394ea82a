/**
 * Finds capture files on any Hadoop file system and scans them into TCP segment rows: the only
 * place where the job reads whole captures.
 */
package dev.ftprecon.jobs.input;

/**
 * Finds capture files on any Hadoop file system and runs the job's one pass over them: split tasks
 * into TCP segment rows, hash tasks beside them, and the captures table combined on the driver.
 */
package dev.ftprecon.jobs.input;

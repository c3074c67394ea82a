/**
 * The job's filters (--from/--until, --host, --port, --user, --path, --direction,
 * --min-size/--max-size): parsed once, applied to control sessions and announced transfers before
 * data connections are matched, so that the data of filtered-out transfers is never shuffled.
 */
package dev.ftprecon.jobs.filter;

/**
 * Small per-direction facts of TCP connections, gathered in the one pass over the captures so that
 * only they, and not one row per segment, leave a scan task: when each direction was first and last
 * seen, its SYN and RST, how many payload bytes it carried and how its payload began (enough to
 * recognise an FTP greeting or first command on any port). The table is bounded ({@link
 * dev.ftprecon.flow.DirectionTable}); its partial facts merge by min, max and sum, so flushing
 * early never changes a result.
 */
package dev.ftprecon.flow;

/**
 * Follows one FTP control connection from its time-ordered TCP segments: reorders each direction
 * into a byte stream (bounded buffer, holes reported) and feeds the FTP session tracker in the
 * order the packets arrived, as a passive analyzer such as Zeek does.
 */
package dev.ftprecon.control;

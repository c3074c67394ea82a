package dev.ftprecon.jobs.control;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;

/** What one control connection yields: its session row, command rows and announced channels. */
public record ControlResult(Row session, List<Row> commands, List<SessionExpectation> expectations)
    implements Serializable {}

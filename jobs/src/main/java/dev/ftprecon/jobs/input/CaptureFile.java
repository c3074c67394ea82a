package dev.ftprecon.jobs.input;

import java.io.Serializable;

/** An input file: its id in this run, its fully qualified path and its length in bytes. */
public record CaptureFile(int id, String path, long length) implements Serializable {}

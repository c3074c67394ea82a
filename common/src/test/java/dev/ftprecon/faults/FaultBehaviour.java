package dev.ftprecon.faults;

import java.util.Random;

/** One kind of damage, applied to one clean sample capture. */
interface FaultBehaviour {
  /** File name stem of the outputs and the "behaviour" of the expected JSON. */
  String name();

  /** The clean sample it damages, relative to the repository root. */
  String source();

  /**
   * Damages the source. {@code random} is seeded from the generator's seed and the behaviour's
   * name, so the output is the same on every run and does not change when other behaviours do.
   */
  FaultOutput apply(FaultSource source, Random random);
}

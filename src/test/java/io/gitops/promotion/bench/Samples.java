package io.gitops.promotion.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Repeated measurements of one scenario, in milliseconds: wall-clock time and the CPU time the
 * benchmark process used meanwhile (the Git server runs in it too, so CPU counts both sides).
 */
final class Samples {
  private final List<Double> wallMillis = new ArrayList<>();
  private final List<Double> cpuMillis = new ArrayList<>();

  void add(double wall, double cpu) {
    wallMillis.add(wall);
    cpuMillis.add(cpu);
  }

  int count() {
    return wallMillis.size();
  }

  double median() {
    return quantile(wallMillis, 0.5);
  }

  double p25() {
    return quantile(wallMillis, 0.25);
  }

  double p75() {
    return quantile(wallMillis, 0.75);
  }

  double min() {
    return quantile(wallMillis, 0);
  }

  double max() {
    return quantile(wallMillis, 1);
  }

  /** Median CPU time, or NaN when not measured. */
  double cpuMedian() {
    return cpuMillis.stream().allMatch(c -> c.isNaN()) ? Double.NaN : quantile(cpuMillis, 0.5);
  }

  /** Linear interpolation between the closest ranks, like numpy's default. */
  static double quantile(List<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    double rank = q * (sorted.size() - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (rank - low);
  }
}

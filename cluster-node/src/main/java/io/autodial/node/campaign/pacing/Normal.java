package io.autodial.node.campaign.pacing;

/** The standard normal distribution function, cheap enough to call thousands of times per decision. */
final class Normal {
  private Normal() {}

  /** Φ(x), absolute error below 1.5e-7 (Abramowitz and Stegun 7.1.26). */
  static double cdf(double x) {
    double z = Math.abs(x) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * z);
    double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    double erfc = poly * Math.exp(-z * z);
    return x >= 0 ? 1 - erfc / 2 : erfc / 2;
  }
}

package dev.towerline.diff;

/** A SemVer step, from none to a new major. Ordered: a larger step satisfies a smaller requirement. */
public enum Bump {
  NONE,
  PATCH,
  MINOR,
  MAJOR;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

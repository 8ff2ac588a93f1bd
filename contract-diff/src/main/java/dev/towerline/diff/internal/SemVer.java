package dev.towerline.diff.internal;

import dev.towerline.diff.Bump;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A SemVer 2.0.0 version; pre-release and build parts are kept in the text but rank as a patch. */
public record SemVer(long major, long minor, long patch, String text) implements Comparable<SemVer> {
  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?");

  public static Optional<SemVer> parse(String text) {
    Matcher m = SEMVER.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new SemVer(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
        text.strip()));
  }

  /** The step from {@code this} to {@code later}; empty when {@code later} is lower. */
  public Optional<Bump> stepTo(SemVer later) {
    int order = later.compareTo(this);
    if (order < 0) {
      return Optional.empty();
    }
    if (later.major != major) {
      return Optional.of(Bump.MAJOR);
    }
    if (later.minor != minor) {
      return Optional.of(Bump.MINOR);
    }
    if (later.patch != patch || !later.text.equals(text)) {
      return Optional.of(Bump.PATCH);
    }
    return Optional.of(Bump.NONE);
  }

  /** The smallest version after {@code this} that makes the {@code bump}. */
  public String next(Bump bump) {
    return switch (bump) {
      case MAJOR -> (major + 1) + ".0.0";
      case MINOR -> major + "." + (minor + 1) + ".0";
      case PATCH -> major + "." + minor + "." + (patch + 1);
      case NONE -> text;
    };
  }

  @Override
  public int compareTo(SemVer other) {
    int c = Long.compare(major, other.major);
    if (c == 0) {
      c = Long.compare(minor, other.minor);
    }
    if (c == 0) {
      c = Long.compare(patch, other.patch);
    }
    return c;
  }
}

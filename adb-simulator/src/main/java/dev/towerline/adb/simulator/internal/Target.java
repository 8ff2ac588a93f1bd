package dev.towerline.adb.simulator.internal;

import java.util.Optional;

/** Which device a request is for, as the prefixes {@code host-serial:}, {@code host-usb:}… say. */
record Target(Kind kind, String serial, long transportId) {
  enum Kind {
    ANY,
    USB,
    LOCAL,
    SERIAL,
    TRANSPORT_ID
  }

  static final Target ANY = new Target(Kind.ANY, "", 0);
  static final Target USB = new Target(Kind.USB, "", 0);
  static final Target LOCAL = new Target(Kind.LOCAL, "", 0);

  static Target serial(String serial) {
    return new Target(Kind.SERIAL, serial, 0);
  }

  /** Empty when the id is not a number. */
  static Optional<Target> transportId(String id) {
    try {
      return Optional.of(new Target(Kind.TRANSPORT_ID, "", Long.parseLong(id)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

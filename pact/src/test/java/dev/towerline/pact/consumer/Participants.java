package dev.towerline.pact.consumer;

/** The names under which pacts are written and verified. */
public final class Participants {
  public static final String SDK = "towerline-java-sdk";
  public static final String PROVIDER = "towerline-server";

  private Participants() {}
}

package io.gitops.promotion.cli;

/** Entry point placeholder. */
public final class Main {
  public static void main(String[] args) {
    System.out.println("promotion-operator");
  }
}

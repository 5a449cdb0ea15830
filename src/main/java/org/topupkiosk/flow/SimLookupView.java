package org.topupkiosk.flow;

/** The find-my-number screens' part of a {@link ServicesView}: immutable. */
public record SimLookupView() {}
